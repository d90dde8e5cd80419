import type { Units } from './types.js';
import { countsOf } from './types.js';

export interface AlphaResult {
  alpha: number | null;
  /** Pairable values: labels in units that have at least two labels. */
  pairable: number;
}

/**
 * Krippendorff's alpha for nominal data via the coincidence matrix (Krippendorff 2011,
 * "Computing Krippendorff's Alpha-Reliability", section C). Missing labels are allowed;
 * units with fewer than two labels are not pairable and drop out.
 */
export function krippendorffAlpha(units: Units): AlphaResult {
  // Only the diagonal and marginals of the coincidence matrix matter for nominal data.
  const marg = new Map<string, number>();
  let diagonal = 0;
  let total = 0;
  for (const u of units) {
    const m = u.filter((v) => v !== null).length;
    if (m < 2) continue;
    for (const [c, k] of countsOf(u)) {
      diagonal += (k * (k - 1)) / (m - 1);
      marg.set(c, (marg.get(c) ?? 0) + k);
      total += k;
    }
  }
  if (total < 2) return { alpha: null, pairable: total };
  let expectedSame = 0;
  for (const k of marg.values()) expectedSame += k * (k - 1);
  const Do = (total - diagonal) / total;
  const De = (total * (total - 1) - expectedSame) / (total * (total - 1));
  return { alpha: De === 0 ? null : 1 - Do / De, pairable: total };
}
