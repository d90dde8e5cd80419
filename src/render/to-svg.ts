/**
 * Vega-Lite spec -> SVG text in the bot process: compile, run a headless vega View
 * (renderer 'none'), serialise. Text is measured with the real DejaVu Sans metrics, and
 * SVG def ids restart per chart, so one spec always gives one SVG.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { HfbotError } from '../errors.js';
import { FONT_FAMILY, resolveFontFiles } from './fonts.js';
import { loadFontMetrics, type FontMetrics } from './font-metrics.js';

interface TextItem {
  text?: unknown;
  fontSize?: number;
  fontWeight?: string | number;
  limit?: number;
}
type WidthFn = (item: TextItem, text: unknown) => number;
const textMetrics = (vega as unknown as { textMetrics: { width: WidthFn } }).textMetrics;

let installed: { regular: FontMetrics; bold: FontMetrics } | undefined;

function isBold(weight: TextItem['fontWeight']): boolean {
  return (
    weight === 'bold' ||
    weight === 'bolder' ||
    (typeof weight === 'number' && weight >= 600) ||
    (typeof weight === 'string' && Number(weight) >= 600)
  );
}

/** Replaces vega's 0.8-em-per-character guess with DejaVu advance widths (once per process). */
export function installTextMetrics(): void {
  if (installed) return;
  const files = resolveFontFiles();
  const metrics = { regular: loadFontMetrics(files.regular), bold: loadFontMetrics(files.bold) };
  textMetrics.width = (item, text) => {
    const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
    const s = text == null ? '' : String(text).trim();
    if (size <= 0 || !s) return 0;
    const w = (isBold(item.fontWeight) ? metrics.bold : metrics.regular).width(s, size);
    // vega also asks for the bounds of texts it will truncate to `limit`; the drawn text is
    // never wider than the limit, and capping there keeps vega's truncation search exact.
    return item.limit && item.limit > 0 ? Math.min(w, item.limit) : w;
  };
  installed = metrics;
}

/** The spec as rendered: our font everywhere, whatever the builder put in its config. */
function withFont(spec: Record<string, unknown>): TopLevelSpec {
  const config = (spec.config ?? {}) as Record<string, unknown>;
  return { ...spec, config: { ...config, font: FONT_FAMILY } } as TopLevelSpec;
}

export type WarnFn = (message: string) => void;

/** vega and vega-lite print warnings to the console by default; library code must not. */
function forwardingLogger(warn: WarnFn) {
  const logger = {
    level: (_?: number) => logger,
    error: (...a: unknown[]) => {
      warn(a.map(String).join(' '));
      return logger;
    },
    warn: (...a: unknown[]) => {
      warn(a.map(String).join(' '));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  return logger;
}

export async function specToSvg(spec: Record<string, unknown>, warn: WarnFn = () => undefined): Promise<string> {
  installTextMetrics();
  const logger = forwardingLogger(warn);
  let runtime: ReturnType<typeof vega.parse>;
  try {
    runtime = vega.parse(compile(withFont(spec), { logger: logger as never }).spec);
  } catch (cause) {
    throw new HfbotError('E_INTERNAL', `The chart spec does not compile: ${(cause as Error).message}`, { cause });
  }
  const view = new vega.View(runtime, { renderer: 'none', logger: logger as never, logLevel: vega.Warn });
  try {
    vega.resetSVGDefIds();
    return await view.toSVG();
  } catch (cause) {
    throw new HfbotError('E_INTERNAL', `The chart could not be drawn: ${(cause as Error).message}`, { cause });
  } finally {
    view.finalize();
  }
}
