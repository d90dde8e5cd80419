/**
 * Spec -> PNG bytes through the cache. Identical requests in flight at the same time share
 * one render (ten people asking /trend llama at once cost one chart, not ten). Each owner (a
 * user on a platform) may have at most `perOwner` renders waiting or running; one more is
 * refused at once with a friendly E_BUSY, so one person cannot fill the render queue.
 */
import { HfbotError } from '../errors.js';
import { msg } from '../messages/index.js';
import { chartKey, PngCache } from './cache.js';
import { specToSvg, type WarnFn } from './to-svg.js';
import { svgToPng } from './to-png.js';

export type SpecRenderer = (spec: Record<string, unknown>, warn?: WarnFn) => Promise<Uint8Array>;

export const renderSpecUncached: SpecRenderer = async (spec, warn) => (await svgToPng(await specToSvg(spec, warn))).png;

export interface ChartRenderer {
  /** `warn` hears vega-lite's complaints about the spec (only when it is actually rendered). */
  render(
    spec: Record<string, unknown>,
    datasetVersion: string,
    warn?: WarnFn,
    owner?: string,
  ): Promise<{ png: Uint8Array; cached: boolean }>;
  readonly cache: PngCache;
  /** Renders waiting or running for this owner. */
  active(owner: string): number;
}

export interface ChartRendererOptions {
  cache?: PngCache;
  renderSpec?: SpecRenderer;
  /** Renders one owner may have waiting or running (default 3). */
  perOwner?: number;
}

export function createChartRenderer(opts: ChartRendererOptions = {}): ChartRenderer {
  const cache = opts.cache ?? new PngCache();
  const renderSpec = opts.renderSpec ?? renderSpecUncached;
  const perOwner = opts.perOwner ?? 3;
  const inFlight = new Map<string, Promise<Uint8Array>>();
  const active = new Map<string, number>();
  const renderKey = (key: string, spec: Record<string, unknown>, warn?: WarnFn): Promise<Uint8Array> => {
    let pending = inFlight.get(key);
    if (!pending) {
      pending = renderSpec(spec, warn).then((png) => {
        cache.set(key, png);
        return png;
      });
      inFlight.set(key, pending);
      void pending.finally(() => inFlight.delete(key)).catch(() => undefined);
    }
    return pending;
  };
  return {
    cache,
    active: (owner) => active.get(owner) ?? 0,
    async render(spec, datasetVersion, warn, owner) {
      const key = chartKey(datasetVersion, spec);
      const hit = cache.get(key);
      // A copy: callers own their bytes and can never corrupt the cached picture.
      if (hit) return { png: hit.slice(), cached: true };
      if (owner === undefined) return { png: (await renderKey(key, spec, warn)).slice(), cached: false };
      const n = active.get(owner) ?? 0;
      if (n >= perOwner) throw new HfbotError('E_BUSY', msg.core.chartsBusy(perOwner));
      active.set(owner, n + 1);
      try {
        return { png: (await renderKey(key, spec, warn)).slice(), cached: false };
      } finally {
        const left = (active.get(owner) ?? 1) - 1;
        if (left > 0) active.set(owner, left);
        else active.delete(owner);
      }
    },
  };
}
