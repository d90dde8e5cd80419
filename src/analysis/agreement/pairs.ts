/**
 * Rater pairs in an answer (issue 14 item 6): n raters make n(n-1)/2 pairs (300 raters: 44,850),
 * far more than anyone reads in chat or than a reply should carry. An answer lists at most
 * `cap` pairs, the least agreeing first (what the negotiation meeting needs), and summarises the
 * rest; the command attaches every pair as a CSV.
 */
import { median } from 'simple-statistics';

export interface RaterPair {
  a: string;
  b: string;
  kappa: number | null;
  n: number;
}

export interface PairSummary<P extends RaterPair> {
  total: number;
  /** All pairs when there are at most `cap`, in their given order; else the `cap` lowest kappas. */
  listed: P[];
  /** Over the pairs with a kappa (null: none has one). */
  kappa: { min: number; median: number; max: number } | null;
  /** Pairs with no kappa (no shared topic, or no variation). */
  undefinedKappa: number;
}

export function summarisePairs<P extends RaterPair>(pairs: readonly P[], cap: number): PairSummary<P> {
  const values = pairs.map((p) => p.kappa).filter((k): k is number => k !== null);
  const lowestFirst = (x: P, y: P) =>
    (x.kappa ?? Number.POSITIVE_INFINITY) - (y.kappa ?? Number.POSITIVE_INFINITY) ||
    x.a.localeCompare(y.a) ||
    x.b.localeCompare(y.b);
  return {
    total: pairs.length,
    listed: pairs.length <= cap ? [...pairs] : [...pairs].sort(lowestFirst).slice(0, cap),
    // reduce, not Math.min(...values): a spread of 500,000 pairs would overflow the call stack.
    kappa: values.length
      ? {
          min: values.reduce((m, v) => (v < m ? v : m)),
          median: median(values),
          max: values.reduce((m, v) => (v > m ? v : m)),
        }
      : null,
    undefinedKappa: pairs.length - values.length,
  };
}
