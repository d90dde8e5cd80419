import type { Units } from './types.js';
import { countsOf } from './types.js';

/**
 * Observed agreement: over units with at least two labels, the share of agreeing rater
 * pairs (Fleiss 1971's P_i averaged). For two raters this is the plain share of topics on
 * which they agree. Returns null when no unit has two labels.
 */
export function percentAgreement(units: Units): number | null {
  let sum = 0;
  let n = 0;
  for (const u of units) {
    const m = u.filter((v) => v !== null).length;
    if (m < 2) continue;
    let agreeing = 0;
    for (const c of countsOf(u).values()) agreeing += c * (c - 1);
    sum += agreeing / (m * (m - 1));
    n++;
  }
  return n ? sum / n : null;
}
