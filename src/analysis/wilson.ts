/**
 * Wilson score interval for a binomial proportion (Wilson 1927; method 3 in Newcombe 1998).
 * Chosen over the Wald interval because the level samples are small (tens of topics) and
 * many shares are near 0, where Wald gives negative or zero-width intervals.
 */
import type NormalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { lazyRequire } from './lazy.js';

const quantile = lazyRequire<typeof NormalQuantile>('@stdlib/stats-base-dists-normal-quantile');

export interface Interval {
  /** The point estimate x / n. */
  p: number;
  lower: number;
  upper: number;
}

/** z for a two-sided interval at `confidence` (0.95 -> 1.959964...). */
export function zFor(confidence: number): number {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1); got ${confidence}`);
  return quantile()(1 - (1 - confidence) / 2, 0, 1);
}

export function wilson(x: number, n: number, confidence = 0.95): Interval {
  if (!Number.isInteger(n) || n <= 0) throw new RangeError(`n must be a positive whole number; got ${n}`);
  if (!Number.isInteger(x) || x < 0 || x > n)
    throw new RangeError(`x must be a whole number from 0 to n (${n}); got ${x}`);
  const z = zFor(confidence);
  const p = x / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // Clamp float noise: at x = 0 (or n) the bound is exactly 0 (or 1) algebraically.
  return { p, lower: x === 0 ? 0 : Math.max(0, centre - half), upper: x === n ? 1 : Math.min(1, centre + half) };
}
