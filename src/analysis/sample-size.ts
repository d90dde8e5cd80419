import type NormalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { lazyRequire } from './lazy.js';

const quantile = lazyRequire<typeof NormalQuantile>('@stdlib/stats-base-dists-normal-quantile');

export interface SampleSizeInput {
  population: number;
  /** Confidence level in percent, e.g. 95. */
  confidence?: number;
  /** Margin of error in percent, e.g. 5. */
  margin?: number;
  /** Expected proportion; 0.5 is the conservative (largest) choice. */
  proportion?: number;
}

export interface SampleSize {
  n: number;
  /** Before the finite population correction. */
  n0: number;
  z: number;
}

/**
 * Cochran's (1977) sample size for a proportion, n0 = z^2 p(1-p) / e^2, with the finite
 * population correction n = n0 / (1 + (n0 - 1) / N), rounded up. 11,175 topics at 95% / 5%
 * gives 372, the sample of the SANER 2024 paper (section III-B2).
 */
export function sampleSize(i: SampleSizeInput): SampleSize {
  const conf = (i.confidence ?? 95) / 100;
  const e = (i.margin ?? 5) / 100;
  const p = i.proportion ?? 0.5;
  const z = quantile()(1 - (1 - conf) / 2, 0, 1);
  const n0 = (z * z * p * (1 - p)) / (e * e);
  const n = Math.min(i.population, Math.ceil(n0 / (1 + (n0 - 1) / i.population)));
  return { n, n0, z };
}
