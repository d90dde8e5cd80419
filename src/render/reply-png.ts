/**
 * The one entry point adapters and `hfbot ask --png` use: a reply's chart as PNG bytes,
 * cached per process by (dataset version, spec), drawn in the worker pool (HFBOT_RENDER_THREADS,
 * one per core by default; 0 draws on the main thread), at most HFBOT_RENDERS_PER_USER at a
 * time per owner.
 */
import type { AppConfig } from '../config.js';
import type { Logger } from '../logger.js';
import type { Reply } from '../reply.js';
import { HfbotError, isHfbotError } from '../errors.js';
import { createRenderPool, type RenderPool } from './pool.js';
import { createChartRenderer, type ChartRenderer } from './render-chart.js';

let shared: ChartRenderer | undefined;
let sharedPool: RenderPool | undefined;

/** The process-wide renderer (and its cache and pool); created on first use. */
type RenderConfig = Pick<AppConfig, 'HFBOT_RENDER_THREADS' | 'HFBOT_RENDERS_PER_USER'>;

export function sharedChartRenderer(config?: RenderConfig): ChartRenderer {
  if (!shared) {
    const threads = config?.HFBOT_RENDER_THREADS;
    if (threads !== 0) sharedPool = createRenderPool(threads);
    shared = createChartRenderer({
      ...(sharedPool ? { renderSpec: sharedPool.render } : {}),
      ...(config ? { perOwner: config.HFBOT_RENDERS_PER_USER } : {}),
    });
  }
  return shared;
}

/** Stops the pool's threads (tests, and `hfbot serve` on shutdown). */
export async function closeSharedRenderer(): Promise<void> {
  const pool = sharedPool;
  shared = undefined;
  sharedPool = undefined;
  await pool?.close();
}

export interface RenderReplyOptions {
  renderer?: ChartRenderer;
  /** Whose chart it is ("slack:U123"): counted against that owner's render limit. */
  owner?: string;
}

export async function renderReplyPng(
  reply: Reply,
  services: { logger: Logger; config?: RenderConfig },
  opts: RenderReplyOptions | ChartRenderer = {},
): Promise<Uint8Array> {
  const o: RenderReplyOptions = 'render' in opts ? { renderer: opts as ChartRenderer } : (opts as RenderReplyOptions);
  const renderer = o.renderer ?? sharedChartRenderer(services.config);
  if (!reply.chart) throw new HfbotError('E_INTERNAL', 'This reply has no chart to render.');
  // Replies without provenance still render; they just share one cache namespace.
  const datasetVersion = reply.provenance?.datasetVersion ?? 'no-dataset';
  const started = performance.now();
  try {
    const warn = (message: string) => services.logger.warn('chart spec warning', { message, datasetVersion });
    const { png, cached } = await renderer.render(reply.chart, datasetVersion, warn, o.owner);
    services.logger.debug('chart rendered', {
      ms: Math.round(performance.now() - started),
      cached,
      bytes: png.byteLength,
      datasetVersion,
    });
    return png;
  } catch (err) {
    if (isHfbotError(err)) throw err;
    throw new HfbotError('E_INTERNAL', `The chart could not be rendered: ${(err as Error).message}`, { cause: err });
  }
}
