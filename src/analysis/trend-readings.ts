/**
 * Two readings of the per-type Spearman tests behind /trends, side by side: raw p < 0.05 as the
 * paper's Table III used, and Benjamini-Hochberg q < 0.05 over every test. Plus which types
 * rest on too few counts to be read at all. Pure: the caller computes the tests.
 */
import { benjaminiHochberg } from './fdr.js';

export const ALPHA = 0.05;

/**
 * The one definition of "low count": a type with fewer than `minMentions` forum mentions in its
 * window, or fewer than `minNonZeroMonths` months with a non-zero count in either series. Below
 * these a Spearman rho is mostly ties at zero (nllb-moe: 1 mention, 2 uploads, rho -0.5).
 */
export const LOW_COUNT = { minMentions: 10, minNonZeroMonths: 6 } as const;

export interface TestedTrend {
  model: string;
  rho: number;
  p: number;
  /** Months in the test. */
  n: number;
  from: string;
  forumMentions: number;
  hubUploads: number;
  /** Months with at least one forum mention / Hub upload. */
  forumMonths: number;
  hubMonths: number;
}

/** 'q': q < 0.05 (so also p < 0.05); 'p': p < 0.05 but not after BH; 'none': neither. */
export type Reading = 'q' | 'p' | 'none';

export interface ReadTrend extends TestedTrend {
  q: number;
  reading: Reading;
  lowCount: boolean;
}

export function isLowCount(t: Pick<TestedTrend, 'forumMentions' | 'forumMonths' | 'hubMonths'>): boolean {
  return t.forumMentions < LOW_COUNT.minMentions || Math.min(t.forumMonths, t.hubMonths) < LOW_COUNT.minNonZeroMonths;
}

/** BH over all the tests given (the family is every tested type), and each type's reading. */
export function readTrends(tested: readonly TestedTrend[]): ReadTrend[] {
  const q = benjaminiHochberg(tested.map((t) => t.p));
  return tested.map((t, i) => {
    const qi = q[i]!;
    const reading: Reading = qi < ALPHA ? 'q' : t.p < ALPHA ? 'p' : 'none';
    return { ...t, q: qi, reading, lowCount: isLowCount(t) };
  });
}

export const TREND_SORTS = ['significance', 'rho', 'p', 'q', 'name', 'n'] as const;
export type TrendSort = (typeof TREND_SORTS)[number];

const TIER: Record<Reading, number> = { q: 0, p: 1, none: 2 };
// A fixed locale: the order must not depend on the machine's LANG.
const byName = (a: ReadTrend, b: ReadTrend) => a.model.localeCompare(b.model, 'en');

const ORDER: Record<TrendSort, (a: ReadTrend, b: ReadTrend) => number> = {
  // The headline first: significant after BH, then at p < 0.05 only, then the rest; strongest first.
  significance: (a, b) => TIER[a.reading] - TIER[b.reading] || Math.abs(b.rho) - Math.abs(a.rho) || byName(a, b),
  // Table III's order: most negative first.
  rho: (a, b) => a.rho - b.rho || byName(a, b),
  p: (a, b) => a.p - b.p || byName(a, b),
  q: (a, b) => a.q - b.q || a.p - b.p || byName(a, b),
  name: byName,
  // Most months first, then most mentions: the best-supported tests on top.
  n: (a, b) => b.n - a.n || b.forumMentions - a.forumMentions || byName(a, b),
};

export function sortTrends(rows: readonly ReadTrend[], by: TrendSort): ReadTrend[] {
  return [...rows].sort(ORDER[by]);
}

/**
 * The bars a chart can hold, chosen by the headline order whatever the table's sort: up to
 * `main` types with enough data and, apart, up to `low` low-count types, so tiny samples never
 * crowd out the rest.
 */
export function chartRows(
  rows: readonly ReadTrend[],
  limits: { main: number; low: number },
): { main: ReadTrend[]; low: ReadTrend[] } {
  const ordered = sortTrends(rows, 'significance');
  return {
    main: ordered.filter((r) => !r.lowCount).slice(0, limits.main),
    low: ordered.filter((r) => r.lowCount).slice(0, limits.low),
  };
}

export interface ReadingsComparison {
  sigP: string[];
  sigQ: string[];
  /** The paper's rule: p < 0.05 among types in the top 90% of both forum mentions and Hub models. */
  paperRule: string[];
  both: string[];
  /** Paper's rule but not BH, with their q. */
  paperOnly: { model: string; q: number }[];
  /** BH but not the paper's rule, with the head(s) each is missing from. */
  qOnly: { model: string; outside: ('forum' | 'hub')[] }[];
}

/** Names in the headline order, so every list in the answer reads strongest first. */
export function compareReadings(
  rows: readonly ReadTrend[],
  head: { forum: ReadonlySet<string>; hub: ReadonlySet<string> },
): ReadingsComparison {
  const ordered = sortTrends(rows, 'significance');
  const inHeads = (r: ReadTrend) => head.forum.has(r.model) && head.hub.has(r.model);
  const paper = ordered.filter((r) => r.p < ALPHA && inHeads(r));
  const q = ordered.filter((r) => r.reading === 'q');
  const paperSet = new Set(paper.map((r) => r.model));
  return {
    sigP: ordered.filter((r) => r.p < ALPHA).map((r) => r.model),
    sigQ: q.map((r) => r.model),
    paperRule: paper.map((r) => r.model),
    both: q.filter((r) => paperSet.has(r.model)).map((r) => r.model),
    paperOnly: paper.filter((r) => r.reading !== 'q').map((r) => ({ model: r.model, q: r.q })),
    qOnly: q
      .filter((r) => !paperSet.has(r.model))
      .map((r) => ({
        model: r.model,
        outside: [
          ...(head.forum.has(r.model) ? [] : ['forum' as const]),
          ...(head.hub.has(r.model) ? [] : ['hub' as const]),
        ],
      })),
  };
}
