import type { Label } from './types.js';

export interface CohenResult {
  kappa: number | null;
  /** Observed and chance agreement, over the n units both raters labelled. */
  po: number;
  pe: number;
  n: number;
}

/**
 * Cohen's (1960) kappa for two raters over the units both labelled. kappa is null when it
 * is undefined (no shared units, or chance agreement of 1: both raters used one category).
 */
export function cohenKappa(a: readonly Label[], b: readonly Label[]): CohenResult {
  const pa = new Map<string, number>();
  const pb = new Map<string, number>();
  let n = 0;
  let agree = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x == null || y == null) continue;
    n++;
    if (x === y) agree++;
    pa.set(x, (pa.get(x) ?? 0) + 1);
    pb.set(y, (pb.get(y) ?? 0) + 1);
  }
  if (!n) return { kappa: null, po: 0, pe: 0, n: 0 };
  let pe = 0;
  for (const [c, k] of pa) pe += (k / n) * ((pb.get(c) ?? 0) / n);
  const po = agree / n;
  return { kappa: pe === 1 ? null : (po - pe) / (1 - pe), po, pe, n };
}
