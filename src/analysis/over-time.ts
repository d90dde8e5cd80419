/**
 * Category shares by period of creation (the paper's III-C4, "no discernible trend over time"),
 * tested as independence of category and period: Pearson's chi-square, and when Cochran's rule
 * says its approximation is poor, R's Monte-Carlo p-value instead. Pure.
 */
import { chiSquareTest, monteCarloPValue, type ChiSquareResult, type MonteCarloResult } from './chi-square.js';

export type PeriodUnit = 'quarter' | 'year';

/** '2021-Q3' or '2021' for an ISO date or a 'YYYY-MM' month. */
export function periodOf(date: string, unit: PeriodUnit): string {
  const year = date.slice(0, 4);
  if (unit === 'year') return year;
  return `${year}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

export interface PeriodTable {
  periods: { period: string; n: number }[];
  rows: { code: string; category: string; counts: number[]; shares: number[]; total: number }[];
}

/**
 * One count per (topic, category) pair in the period of the topic's creation, as the paper gave
 * each code its topic's date. Every category listed is a row (zeros included); periods run
 * from the first to the last with any item, empty ones included, so gaps show.
 */
export function categoryByPeriod(
  items: readonly { code: string; createdAt: string }[],
  categories: readonly { code: string; category: string }[],
  unit: PeriodUnit,
): PeriodTable {
  const seen = [...new Set(items.map((x) => periodOf(x.createdAt, unit)))].sort();
  const periods = seen.length ? fillPeriods(seen[0]!, seen.at(-1)!, unit) : [];
  const col = new Map(periods.map((p, j) => [p, j]));
  const counts = new Map(categories.map((c) => [c.code, periods.map(() => 0)]));
  for (const x of items) {
    const row = counts.get(x.code);
    if (row) row[col.get(periodOf(x.createdAt, unit))!]!++;
  }
  const n = periods.map((_, j) => [...counts.values()].reduce((s, r) => s + r[j]!, 0));
  return {
    periods: periods.map((period, j) => ({ period, n: n[j]! })),
    rows: categories.map((c) => {
      const r = counts.get(c.code)!;
      return {
        code: c.code,
        category: c.category,
        counts: r,
        shares: r.map((v, j) => (n[j] ? v / n[j]! : 0)),
        total: r.reduce((s, v) => s + v, 0),
      };
    }),
  };
}

function fillPeriods(first: string, last: string, unit: PeriodUnit): string[] {
  const out: string[] = [];
  const idx = (p: string) => Number(p.slice(0, 4)) * 4 + (unit === 'quarter' ? Number(p.slice(6)) - 1 : 0);
  const step = unit === 'quarter' ? 1 : 4;
  for (let i = idx(first); i <= idx(last); i += step)
    out.push(unit === 'year' ? String(i / 4) : `${Math.floor(i / 4)}-Q${(i % 4) + 1}`);
  return out;
}

export interface IndependenceTest {
  chiSquare: ChiSquareResult | null;
  /** Set when Cochran's rule fails: the p-value to read then. */
  monteCarlo: MonteCarloResult | null;
  /** Why no test could be run (fewer than two non-empty periods or categories). */
  untestable: 'one-period' | 'one-category' | null;
}

export function independenceTest(t: PeriodTable, o: { seed: string; replicates?: number }): IndependenceTest {
  const table = t.rows.map((r) => r.counts);
  const nonEmptyRows = table.filter((r) => r.some((v) => v > 0)).length;
  const nonEmptyCols = t.periods.filter((p) => p.n > 0).length;
  if (nonEmptyCols < 2) return { chiSquare: null, monteCarlo: null, untestable: 'one-period' };
  if (nonEmptyRows < 2) return { chiSquare: null, monteCarlo: null, untestable: 'one-category' };
  const chiSquare = chiSquareTest(table);
  const monteCarlo = chiSquare.cochran.ok ? null : monteCarloPValue(table, o);
  return { chiSquare, monteCarlo, untestable: null };
}
