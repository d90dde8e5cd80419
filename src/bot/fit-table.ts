/**
 * A table in a chat code block: the first rows that fit, each whole (issue 13 item 1). Cells
 * longer than CELL_MAX are shortened with "…" in chat only; the attached CSV keeps them whole.
 */
import type { ReplyTable } from '../reply.js';
import { formatTable } from './format-text.js';

export const CELL_MAX = 60;

function shorten(v: string | number | null): string | number | null {
  return typeof v === 'string' && v.length > CELL_MAX ? `${v.slice(0, CELL_MAX - 1)}…` : v;
}

/** The monospace text of the header and the first `n` rows (long cells shortened). */
export function tableText(t: ReplyTable, n: number): string {
  return formatTable({ columns: t.columns, rows: t.rows.slice(0, n).map((r) => r.map(shorten)) }, n);
}

export interface FittedTable {
  /** `wrap(tableText(...))`: the fenced block as the platform shows it. */
  block: string;
  shown: number;
  total: number;
}

/**
 * The most rows (from the top, whole) whose wrapped table is at most `budget` long; null when
 * not even the header fits. Binary search: the length only grows with the rows shown.
 */
export function fitTable(t: ReplyTable, budget: number, wrap: (body: string) => string): FittedTable | null {
  const size = (n: number) => wrap(tableText(t, n)).length;
  if (size(0) > budget) return null;
  let lo = 0;
  let hi = t.rows.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (size(mid) <= budget) lo = mid;
    else hi = mid - 1;
  }
  return { block: wrap(tableText(t, lo)), shown: lo, total: t.rows.length };
}
