import type { Units } from './types.js';
import { percentAgreement } from './percent.js';
import { cohenKappa } from './cohen.js';
import { fleissKappa } from './fleiss.js';
import { krippendorffAlpha } from './krippendorff.js';
import { categoryKappas } from './category-kappas.js';
import { bootstrapCI, type BootstrapCI } from './bootstrap.js';
import { landisKoch, type LandisKoch } from './landis-koch.js';

export interface AgreementReport {
  /** Topics with at least two labels. */
  n: number;
  percent: number | null;
  cohen: { a: string; b: string; kappa: number | null; n: number }[];
  fleiss: number | null;
  alpha: number | null;
  perCategory: Record<string, number | null>;
  /** The headline: Cohen's kappa for two raters, Fleiss' for more. */
  kappa: { statistic: 'cohen' | 'fleiss'; value: number | null };
  ci: (BootstrapCI & { statistic: 'cohen' | 'fleiss' }) | null;
  reading: LandisKoch | null;
}

/** Every agreement number the bot reports, from reliability data (units x raters). */
export function agreementReport(
  units: Units,
  raters: readonly string[],
  seed: string,
  replicates = 1000,
): AgreementReport {
  const cohen: AgreementReport['cohen'] = [];
  for (let i = 0; i < raters.length; i++)
    for (let j = i + 1; j < raters.length; j++) {
      const r = cohenKappa(
        units.map((u) => u[i] ?? null),
        units.map((u) => u[j] ?? null),
      );
      cohen.push({ a: raters[i]!, b: raters[j]!, kappa: r.kappa, n: r.n });
    }
  const statistic = raters.length === 2 ? 'cohen' : 'fleiss';
  const fleiss = raters.length >= 3 ? fleissKappa(units).kappa : null;
  const headline = (u: Units) =>
    statistic === 'cohen'
      ? cohenKappa(
          u.map((x) => x[0] ?? null),
          u.map((x) => x[1] ?? null),
        ).kappa
      : fleissKappa(u).kappa;
  const value = raters.length >= 2 ? headline(units) : null;
  const ci = raters.length >= 2 ? bootstrapCI(units, headline, { seed, replicates }) : null;
  return {
    n: units.filter((u) => u.filter((v) => v !== null).length >= 2).length,
    percent: percentAgreement(units),
    cohen,
    fleiss,
    alpha: krippendorffAlpha(units).alpha,
    perCategory: categoryKappas(units),
    kappa: { statistic, value },
    ci: ci && { ...ci, statistic },
    reading: value === null ? null : landisKoch(value),
  };
}

export interface ConfusionCell {
  x: string;
  y: string;
  count: number;
}

/**
 * Two raters: rater A's code (x) against rater B's (y). More raters: every pair of labels on
 * a topic counted once in each direction, so the matrix is symmetric.
 */
export function confusionCells(units: Units, raters: number): ConfusionCell[] {
  const m = new Map<string, number>();
  const add = (x: string, y: string) => m.set(`${x}\u0000${y}`, (m.get(`${x}\u0000${y}`) ?? 0) + 1);
  for (const u of units) {
    if (raters === 2) {
      if (u[0] != null && u[1] != null) add(u[0], u[1]);
      continue;
    }
    for (let i = 0; i < u.length; i++)
      for (let j = i + 1; j < u.length; j++) {
        const a = u[i];
        const b = u[j];
        if (a == null || b == null) continue;
        add(a, b);
        add(b, a);
      }
  }
  return [...m].map(([k, count]) => {
    const [x, y] = k.split('\u0000') as [string, string];
    return { x, y, count };
  });
}
