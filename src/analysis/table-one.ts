/**
 * Table I shares. Percentages are count / total * 100 rounded half up to two decimals: that
 * reproduces all 17 challenge percentages of Table I exactly. Two benefit percentages are
 * printed 0.01 off that rule (B1 262/514 = 50.97 printed 50.98; B3 76/514 = 14.79 printed
 * 14.78; the printed column still sums to 100), so the paper's figure is kept beside ours.
 */
import { wilson } from './wilson.js';

export const PAPER_PERCENT: Record<string, number> = {
  C1: 14.38,
  C2: 11.94,
  C3: 10.85,
  C4: 9.09,
  C5: 8.14,
  C6: 7.6,
  C7: 6.92,
  C8: 6.92,
  C9: 6.24,
  C10: 4.21,
  C11: 3.8,
  C12: 3.53,
  C13: 2.17,
  C14: 1.22,
  C15: 1.22,
  C16: 0.95,
  C17: 0.81,
  B1: 50.98,
  B2: 27.43,
  B3: 14.78,
  B4: 2.92,
  B5: 2.33,
  B6: 1.56,
};

/** Half-up at two decimals; the epsilon keeps 7.5999999 (float noise for 7.60) from rounding down. */
export function percent2(count: number, total: number): number {
  return total ? Math.round((count / total) * 100 * 100 + 1e-9) / 100 : 0;
}

export interface CountRow {
  code: string;
  category: string;
  count: number;
}

export interface ShareRow extends CountRow {
  percent: number;
  paperPercent: number | null;
}

/** Sorted by count (ties keep Table I order), then cut to `top`. */
export function tableOneShares(rows: readonly CountRow[], top?: number): { total: number; rows: ShareRow[] } {
  const total = rows.reduce((s, r) => s + r.count, 0);
  const shares = rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => b.r.count - a.r.count || a.i - b.i)
    .map(({ r }) => ({ ...r, percent: percent2(r.count, total), paperPercent: PAPER_PERCENT[r.code] ?? null }));
  return { total, rows: top ? shares.slice(0, top) : shares };
}

export interface LevelShareRow extends CountRow {
  /** Share of the n topics (not of codes): a topic may carry several categories. */
  percent: number;
  lower: number;
  upper: number;
}

/** Shares of n topics with 95% Wilson intervals (percent, two decimals). */
export function levelShares(rows: readonly CountRow[], n: number, top?: number, confidence = 0.95): LevelShareRow[] {
  if (n <= 0) return [];
  const r2 = (x: number) => Math.round(x * 10000 + 1e-9) / 100;
  const out = rows
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.count > 0)
    .sort((a, b) => b.r.count - a.r.count || a.i - b.i)
    .map(({ r }) => {
      const ci = wilson(r.count, n, confidence);
      return { ...r, percent: r2(ci.p), lower: r2(ci.lower), upper: r2(ci.upper) };
    });
  return top ? out.slice(0, top) : out;
}
