/**
 * Beginner vs Intermediate topics, category by category (the paper's Fig. 2 as a test): shares
 * with Wilson intervals per level, Fisher's exact test of "in this category or not" by level,
 * and Benjamini-Hochberg over the categories tested.
 */
import { wilson } from './wilson.js';
import { fisherExact } from './fisher.js';
import { benjaminiHochberg } from './fdr.js';
import type { CountRow } from './table-one.js';

export interface LevelShare {
  count: number;
  /** Percent of the level's topics, two decimals, with its 95% Wilson bounds. */
  percent: number;
  lower: number;
  upper: number;
}

export interface LevelCompareRow {
  code: string;
  category: string;
  beginner: LevelShare;
  intermediate: LevelShare;
  /** Two-sided Fisher exact p of the 2x2 table (in category / not) x (beginner / intermediate). */
  p: number | null;
  /** BH-adjusted over the categories tested; null for a category no topic of either level has. */
  q: number | null;
}

export interface LevelComparison {
  n: { beginner: number; intermediate: number };
  rows: LevelCompareRow[];
  tested: number;
  /** The smallest two-sided p any tested category could reach with these margins: above 0.05, no test can reject. */
  minAttainableP: number | null;
}

const pct = (x: number) => Math.round(x * 10000 + 1e-9) / 100;

function share(count: number, n: number): LevelShare {
  const ci = wilson(count, n);
  return { count, percent: pct(ci.p), lower: pct(ci.lower), upper: pct(ci.upper) };
}

/** Over every split of the category's topics between the levels, the least p Fisher's test can give. */
export function minAttainableFisherP(inCategory: number, nb: number, ni: number): number {
  let best = 1;
  for (let b = Math.max(0, inCategory - ni); b <= Math.min(inCategory, nb); b++) {
    best = Math.min(best, fisherExact(b, nb - b, inCategory - b, ni - (inCategory - b)).p);
  }
  return best;
}

/** `beginner` and `intermediate` list the same categories (Table I order); n are topics per level. */
export function compareLevels(
  beginner: readonly CountRow[],
  intermediate: readonly CountRow[],
  n: { beginner: number; intermediate: number },
): LevelComparison {
  if (n.beginner <= 0 || n.intermediate <= 0) throw new RangeError('compareLevels: both levels need topics');
  const inter = new Map(intermediate.map((r) => [r.code, r.count]));
  const rows = beginner
    .map((r, i) => ({ r, i, b: r.count, m: inter.get(r.code) ?? 0 }))
    .filter((x) => x.b + x.m > 0)
    .sort((x, y) => y.b + y.m - (x.b + x.m) || x.i - y.i)
    .map(({ r, b, m }) => ({
      code: r.code,
      category: r.category,
      beginner: share(b, n.beginner),
      intermediate: share(m, n.intermediate),
      p: fisherExact(b, n.beginner - b, m, n.intermediate - m).p,
      q: null as number | null,
    }));
  const q = benjaminiHochberg(rows.map((r) => r.p));
  rows.forEach((r, i) => {
    r.q = q[i]!;
  });
  const attainable = rows.map((r) =>
    minAttainableFisherP(r.beginner.count + r.intermediate.count, n.beginner, n.intermediate),
  );
  return { n, rows, tested: rows.length, minAttainableP: attainable.length ? Math.min(...attainable) : null };
}
