import type SeedRandom from 'seedrandom';
import { lazyRequire } from '../lazy.js';
import { quantileSorted } from 'simple-statistics';
import type { Units } from './types.js';

const seedrandom = lazyRequire<typeof SeedRandom>('seedrandom');

export interface BootstrapOptions {
  seed: string;
  replicates?: number;
  /** Two-sided coverage, 0.95 for a 95% interval. */
  level?: number;
}

export interface BootstrapCI {
  low: number;
  high: number;
  level: number;
  replicates: number;
  /** Replicates where the statistic was defined (resamples can lose all variation). */
  used: number;
  seed: string;
}

/**
 * Percentile bootstrap over units (topics): resampling whole units keeps each topic's
 * labels together, which is what makes the interval honest for agreement statistics.
 * The same seed gives the same interval.
 */
export function bootstrapCI(
  units: Units,
  statistic: (u: Units) => number | null,
  o: BootstrapOptions,
): BootstrapCI | null {
  const replicates = o.replicates ?? 1000;
  const level = o.level ?? 0.95;
  if (units.length < 2) return null;
  const rng = seedrandom()(o.seed);
  const values: number[] = [];
  const sample: (readonly (string | null)[])[] = new Array(units.length);
  for (let r = 0; r < replicates; r++) {
    for (let i = 0; i < units.length; i++) sample[i] = units[Math.floor(rng() * units.length)]!;
    const v = statistic(sample);
    if (v !== null && Number.isFinite(v)) values.push(v);
  }
  if (values.length < 2) return null;
  values.sort((a, b) => a - b);
  const tail = (1 - level) / 2;
  return {
    low: quantileSorted(values, tail),
    high: quantileSorted(values, 1 - tail),
    level,
    replicates,
    used: values.length,
    seed: o.seed,
  };
}
