import type { Units } from './types.js';
import { categoriesOf, countsOf } from './types.js';

export interface FleissResult {
  kappa: number | null;
  /** Kappa for each category against all others (Fleiss 1971, eq. 16). */
  perCategory: Record<string, number | null>;
  /** Units used: those labelled by every rater (Fleiss' kappa needs a constant n). */
  n: number;
  raters: number;
}

/**
 * Fleiss' (1971) kappa over the units that every rater labelled. Undefined values
 * (one category only, or fewer than two raters) come back as null.
 */
export function fleissKappa(units: Units): FleissResult {
  const raters = Math.max(0, ...units.map((u) => u.length));
  const complete = units.filter((u) => u.length === raters && u.every((v) => v !== null));
  const N = complete.length;
  const cats = categoriesOf(complete);
  const perCategory: Record<string, number | null> = {};
  if (N === 0 || raters < 2) return { kappa: null, perCategory, n: N, raters };
  const n = raters;
  const counts = complete.map((u) => countsOf(u));
  let pBar = 0;
  for (const m of counts) {
    let s = 0;
    for (const c of m.values()) s += c * c;
    pBar += (s - n) / (n * (n - 1));
  }
  pBar /= N;
  let peBar = 0;
  for (const cat of cats) {
    const pj = counts.reduce((s, m) => s + (m.get(cat) ?? 0), 0) / (N * n);
    peBar += pj * pj;
    // Fleiss 1971, eq. 16: agreement on category j versus all others.
    const disagreement = counts.reduce((s, m) => {
      const x = m.get(cat) ?? 0;
      return s + x * (n - x);
    }, 0);
    const denom = N * n * (n - 1) * pj * (1 - pj);
    perCategory[cat] = denom === 0 ? null : 1 - disagreement / denom;
  }
  return { kappa: peBar === 1 ? null : (pBar - peBar) / (1 - peBar), perCategory, n: N, raters };
}
