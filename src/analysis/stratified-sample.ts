import type SeedRandom from 'seedrandom';
import { lazyRequire } from './lazy.js';

const seedrandom = lazyRequire<typeof SeedRandom>('seedrandom');

export interface PoolItem {
  id: number;
  stratum: string;
}

function shuffle<T>(xs: T[], rng: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

/**
 * Proportional allocation by the largest-remainder method: each stratum gets
 * floor(size * N_h / N), and the leftover places go to the largest fractions (ties by name),
 * so the quotas always sum to `size`.
 */
export function proportionalQuotas(counts: ReadonlyMap<string, number>, size: number): Map<string, number> {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const rows = [...counts].map(([k, n]) => {
    const exact = (size * n) / total;
    return { k, n, q: Math.floor(exact), frac: exact - Math.floor(exact) };
  });
  let left = size - rows.reduce((s, r) => s + r.q, 0);
  rows.sort((a, b) => b.frac - a.frac || a.k.localeCompare(b.k));
  for (const r of rows) {
    if (left <= 0) break;
    if (r.q < r.n) {
      r.q++;
      left--;
    }
  }
  return new Map(rows.map((r) => [r.k, r.q]));
}

/**
 * A simple random sample of `size` ids (stratified by `stratum` with proportional allocation
 * when asked), in a random coding order. The pool is sorted first so the same seed gives the
 * same sample whatever order the database returns rows in.
 */
export function drawSample(pool: readonly PoolItem[], size: number, seed: string, stratify: boolean): number[] {
  const rng = seedrandom()(seed);
  const sorted = [...pool].sort((a, b) => a.id - b.id);
  const n = Math.min(size, sorted.length);
  if (!stratify)
    return shuffle(sorted, rng)
      .slice(0, n)
      .map((p) => p.id);
  const groups = new Map<string, PoolItem[]>();
  for (const p of sorted) groups.set(p.stratum, [...(groups.get(p.stratum) ?? []), p]);
  const counts = new Map([...groups].map(([k, v]) => [k, v.length]));
  const quotas = proportionalQuotas(counts, n);
  const picked: number[] = [];
  for (const k of [...groups.keys()].sort())
    picked.push(
      ...shuffle(groups.get(k)!, rng)
        .slice(0, quotas.get(k) ?? 0)
        .map((p) => p.id),
    );
  return shuffle(picked, rng);
}
