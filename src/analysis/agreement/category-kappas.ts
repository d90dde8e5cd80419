import type { Units } from './types.js';
import { categoriesOf } from './types.js';
import { cohenKappa } from './cohen.js';
import { fleissKappa } from './fleiss.js';

/**
 * Kappa for each category as present vs absent: Cohen's on the dichotomised labels for two
 * raters, Fleiss' per-category kappa (1971, eq. 16) for three or more.
 */
export function categoryKappas(units: Units): Record<string, number | null> {
  const raters = Math.max(0, ...units.map((u) => u.length));
  if (raters > 2) return fleissKappa(units).perCategory;
  const out: Record<string, number | null> = {};
  for (const c of categoriesOf(units)) {
    const bin = (v: string | null | undefined) => (v == null ? null : v === c ? 'yes' : 'no');
    out[c] = cohenKappa(
      units.map((u) => bin(u[0])),
      units.map((u) => bin(u[1])),
    ).kappa;
  }
  return out;
}
