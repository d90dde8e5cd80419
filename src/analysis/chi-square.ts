/**
 * Pearson's chi-square test of independence for an r x c table of counts (R's chisq.test without
 * continuity correction), Cochran's rule for when its chi-square approximation is trustworthy, and
 * the Monte-Carlo p-value R computes with simulate.p.value = TRUE when it is not.
 */
import type GammaInc from '@stdlib/math-base-special-gammainc';
import type SeedRandom from 'seedrandom';
import { lazyRequire } from './lazy.js';

const gammainc = lazyRequire<typeof GammaInc>('@stdlib/math-base-special-gammainc');
const seedrandom = lazyRequire<typeof SeedRandom>('seedrandom');

export interface ChiSquareResult {
  statistic: number;
  df: number;
  /** Upper tail of chi-square(df): the regularised upper incomplete gamma Q(df/2, statistic/2). */
  p: number;
  n: number;
  expected: number[][];
  /** Rows and columns with a zero total are left out (they carry no information and make E = 0). */
  rowsKept: number[];
  colsKept: number[];
  cochran: CochranCheck;
}

/**
 * Cochran (1954): the approximation is adequate when no expected count is below 1 and at most
 * 20% are below 5.
 */
export interface CochranCheck {
  ok: boolean;
  minExpected: number;
  below5: number;
  cells: number;
}

function margins(t: readonly (readonly number[])[]): { rows: number[]; cols: number[]; n: number } {
  const rows = t.map((r) => r.reduce((s, v) => s + v, 0));
  const cols = t[0]!.map((_, j) => t.reduce((s, r) => s + r[j]!, 0));
  return { rows, cols, n: rows.reduce((s, v) => s + v, 0) };
}

function validate(t: readonly (readonly number[])[]): void {
  if (!t.length || !t[0]!.length) throw new RangeError('chiSquare: the table is empty');
  for (const r of t) {
    if (r.length !== t[0]!.length) throw new RangeError('chiSquare: rows differ in length');
    for (const v of r)
      if (!Number.isInteger(v) || v < 0) throw new RangeError(`chiSquare: counts must be whole numbers >= 0; got ${v}`);
  }
}

/** The table without its all-zero rows and columns, and which ones were kept. */
export function dropEmpty(t: readonly (readonly number[])[]): {
  table: number[][];
  rowsKept: number[];
  colsKept: number[];
} {
  const { rows, cols } = margins(t);
  const rowsKept = rows.flatMap((s, i) => (s > 0 ? [i] : []));
  const colsKept = cols.flatMap((s, j) => (s > 0 ? [j] : []));
  return { table: rowsKept.map((i) => colsKept.map((j) => t[i]![j]!)), rowsKept, colsKept };
}

/** P(X >= x) for X ~ chi-square(df): Q(df/2, x/2), stdlib's upper regularised gamma (no 1 - cdf cancellation). */
export function chiSquareUpperTail(x: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`chiSquareUpperTail: df must be > 0; got ${df}`);
  return x <= 0 ? 1 : gammainc()(x / 2, df / 2, true, true);
}

/** Pearson's X^2 of `t` against expected counts `e`. */
export function pearson(t: readonly (readonly number[])[], e: readonly (readonly number[])[]): number {
  let x2 = 0;
  for (let i = 0; i < t.length; i++)
    for (let j = 0; j < t[i]!.length; j++) {
      const d = t[i]![j]! - e[i]![j]!;
      x2 += (d * d) / e[i]![j]!;
    }
  return x2;
}

export function chiSquareTest(table: readonly (readonly number[])[]): ChiSquareResult {
  validate(table);
  const { table: t, rowsKept, colsKept } = dropEmpty(table);
  if (t.length < 2 || (t[0]?.length ?? 0) < 2)
    throw new RangeError('chiSquare: needs at least two non-empty rows and two non-empty columns');
  const { rows, cols, n } = margins(t);
  const expected = rows.map((r) => cols.map((c) => (r * c) / n));
  const statistic = pearson(t, expected);
  const df = (rows.length - 1) * (cols.length - 1);
  const flat = expected.flat();
  const below5 = flat.filter((e) => e < 5).length;
  const minExpected = Math.min(...flat);
  return {
    statistic,
    df,
    p: chiSquareUpperTail(statistic, df),
    n,
    expected,
    rowsKept,
    colsKept,
    cochran: { ok: minExpected >= 1 && below5 <= 0.2 * flat.length, minExpected, below5, cells: flat.length },
  };
}

export interface MonteCarloResult {
  p: number;
  /** Simulated tables whose statistic reached the observed one. */
  atLeast: number;
  replicates: number;
  seed: string;
}

/**
 * R's chisq.test(simulate.p.value = TRUE, B): draw B tables with the observed margins, compute
 * X^2 of each against the observed table's expected counts, and report (1 + #{X^2_sim >= X^2_obs})
 * / (B + 1). R draws with Patefield's r2dtable; shuffling the column labels of the n units gives
 * tables with the same (multiple hypergeometric) distribution. R's tolerance for "reached" is kept.
 */
export function monteCarloPValue(
  table: readonly (readonly number[])[],
  o: { replicates?: number; seed: string },
): MonteCarloResult {
  const replicates = o.replicates ?? 2000;
  if (!Number.isInteger(replicates) || replicates < 1)
    throw new RangeError(`monteCarloPValue: replicates must be a whole number >= 1; got ${replicates}`);
  const observed = chiSquareTest(table);
  const t = observed.rowsKept.map((i) => observed.colsKept.map((j) => table[i]![j]!));
  const rowOf: number[] = [];
  const colOf: number[] = [];
  for (let i = 0; i < t.length; i++)
    for (let j = 0; j < t[i]!.length; j++)
      for (let k = 0; k < t[i]![j]!; k++) {
        rowOf.push(i);
        colOf.push(j);
      }
  // Alea (Baagøe), not seedrandom's default ARC4: a tenth of the cost per draw, and the draws
  // are most of the work (n per replicate).
  const rng = seedrandom().alea(o.seed);
  const almostOne = 1 - 64 * Number.EPSILON;
  const sim = t.map((r) => r.map(() => 0));
  let atLeast = 0;
  for (let b = 0; b < replicates; b++) {
    // Fisher-Yates on the column labels; row labels stay, so both margins are kept.
    for (let k = colOf.length - 1; k > 0; k--) {
      const x = Math.floor(rng() * (k + 1));
      [colOf[k], colOf[x]] = [colOf[x]!, colOf[k]!];
    }
    for (const r of sim) r.fill(0);
    for (let k = 0; k < rowOf.length; k++) sim[rowOf[k]!]![colOf[k]!]!++;
    if (pearson(sim, observed.expected) >= almostOne * observed.statistic) atLeast++;
  }
  return { p: (1 + atLeast) / (replicates + 1), atLeast, replicates, seed: o.seed };
}
