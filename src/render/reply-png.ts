/**
 * The one entry point adapters and `hfbot ask --png` use: a reply's chart as PNG bytes,
 * cached per process by (dataset version, spec).
 */
import type { Logger } from '../logger.js';
import type { Reply } from '../reply.js';
import { HfbotError, isHfbotError } from '../errors.js';
import { createChartRenderer, type ChartRenderer } from './render-chart.js';

let shared: ChartRenderer | undefined;

/** The process-wide renderer (and its cache); created on first use. */
export function sharedChartRenderer(): ChartRenderer {
  shared ??= createChartRenderer();
  return shared;
}

export async function renderReplyPng(
  reply: Reply,
  services: { logger: Logger },
  renderer: ChartRenderer = sharedChartRenderer(),
): Promise<Uint8Array> {
  if (!reply.chart) throw new HfbotError('E_INTERNAL', 'This reply has no chart to render.');
  // Replies without provenance still render; they just share one cache namespace.
  const datasetVersion = reply.provenance?.datasetVersion ?? 'no-dataset';
  const started = performance.now();
  try {
    const warn = (message: string) => services.logger.warn('chart spec warning', { message, datasetVersion });
    const { png, cached } = await renderer.render(reply.chart, datasetVersion, warn);
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
