/**
 * Spec -> PNG bytes through the cache. Identical requests in flight at the same time share
 * one render (ten people asking /trend llama at once cost one chart, not ten).
 */
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
  ): Promise<{ png: Uint8Array; cached: boolean }>;
  readonly cache: PngCache;
}

export function createChartRenderer(opts: { cache?: PngCache; renderSpec?: SpecRenderer } = {}): ChartRenderer {
  const cache = opts.cache ?? new PngCache();
  const renderSpec = opts.renderSpec ?? renderSpecUncached;
  const inFlight = new Map<string, Promise<Uint8Array>>();
  return {
    cache,
    async render(spec, datasetVersion, warn) {
      const key = chartKey(datasetVersion, spec);
      const hit = cache.get(key);
      // A copy: callers own their bytes and can never corrupt the cached picture.
      if (hit) return { png: hit.slice(), cached: true };
      let pending = inFlight.get(key);
      if (!pending) {
        pending = renderSpec(spec, warn).then((png) => {
          cache.set(key, png);
          return png;
        });
        inFlight.set(key, pending);
        void pending.finally(() => inFlight.delete(key)).catch(() => undefined);
      }
      return { png: (await pending).slice(), cached: false };
    },
  };
}
