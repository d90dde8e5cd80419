/** Strings of /trends: both readings of the per-type tests, why they differ, and low counts. */
import { fmtPIs } from '../format/numbers.js';

const list = (xs: string[]) => (xs.length ? xs.join(', ') : 'none');
const HEAD = { forum: 'forum', hub: 'Hub' } as const;

export const READING_LABELS = {
  q: 'q < 0.05 (BH) and p < 0.05',
  p: 'p < 0.05 only (not after BH)',
  none: 'not significant',
} as const;

export const SORT_LABELS = {
  significance: 'significance (q < 0.05, then p < 0.05 only, then the rest), then |rho|',
  rho: 'rho, most negative first (as Table III)',
  p: 'p, smallest first',
  q: 'q, smallest first',
  name: 'name',
  n: 'months tested, most first',
} as const;

export const trends = {
  head: (t: { types: number; tested: number; source: string; from: string; to: string }) =>
    `Table III for ${t.types} model types in both series, ${t.source}, ${t.from}..${t.to} (each from its first appearance, as in the paper); ${t.tested} tested${t.types > t.tested ? ` (${t.types - t.tested} with a constant series left out)` : ''}.`,

  readings: (t: { sigP: number; sigQ: number; tested: number }) =>
    `Two readings: ${t.sigP} types at p < 0.05 (each test alone, as in the paper); ${t.sigQ} at Benjamini-Hochberg q < 0.05, which keeps the expected share of false discoveries among all ${t.tested} tests at 5%.`,

  /** Why the paper's count differs from BH's, named type by type. */
  why: (t: {
    tableThree: number | null;
    matchesTableThree: boolean;
    forumHead: number;
    hubHead: number;
    paperRule: string[];
    both: string[];
    paperOnly: { model: string; q: number }[];
    qOnly: { model: string; outside: ('forum' | 'hub')[] }[];
    tested: number;
  }) => {
    const rule = `p < 0.05 among the types in the top 90% of both forum mentions (${t.forumHead} types) and Hub models (${t.hubHead})`;
    const lead =
      t.tableThree !== null && t.matchesTableThree
        ? `Why Table III prints ${t.tableThree}: it lists ${rule}; that rule gives exactly its ${t.tableThree} here (${list(t.paperRule)}).`
        : `The paper's rule (${rule}) gives ${t.paperRule.length} here: ${list(t.paperRule)}.`;
    const parts = [lead, `In both: ${list(t.both)}.`];
    if (t.paperOnly.length)
      parts.push(
        `Paper's rule only: ${t.paperOnly.map((x) => `${x.model} (${fmtPIs(x.q, 'q')})`).join(', ')}: p < 0.05 alone, not after correcting for ${t.tested} tests.`,
      );
    if (t.qOnly.length) {
      const where = (o: ('forum' | 'hub')[]) => (o.length === 2 ? 'both top-90% lists' : `the ${HEAD[o[0]!]} top 90%`);
      const groups = new Map<string, string[]>();
      for (const x of t.qOnly) groups.set(where(x.outside), [...(groups.get(where(x.outside)) ?? []), x.model]);
      parts.push(
        `BH only: ${[...groups].map(([w, ms]) => `${ms.join(', ')} (outside ${w})`).join('; ')}: they pass BH but the paper's table covered only the top types.`,
      );
    }
    return parts.join(' ');
  },

  lowCount: (t: { minMentions: number; minMonths: number; low: number; tested: number; lowSignificant: string[] }) =>
    `Low count (fewer than ${t.minMentions} forum mentions, or fewer than ${t.minMonths} non-zero months in either series): ${t.low} of ${t.tested} types, marked in the table and drawn hollow, apart, in the chart${t.lowSignificant.length ? `; among the significant (q < 0.05): ${t.lowSignificant.join(', ')}` : ''}.`,

  order: (sort: keyof typeof SORT_LABELS, significantOnly: boolean) =>
    `${significantOnly ? 'Only q < 0.05 rows. ' : ''}Sorted by ${SORT_LABELS[sort]}; sort:significance|rho|p|q|name|n to change.`,

  chartTitle: 'Forum mentions vs Hub uploads: Spearman rho per model type',
  chartSubtitle: (t: {
    from: string;
    to: string;
    tested: number;
    main: number;
    mainOf: number;
    low: number;
    lowOf: number;
  }) =>
    `${t.from}..${t.to}; BH q over ${t.tested} tests; ${t.main} of ${t.mainOf} types with enough data and ${t.low} of ${t.lowOf} low-count types, headline first`,
  mainPanel: (n: number, of: number) => `Enough data: ${n} of ${of} types`,
  lowPanel: (n: number, of: number, minMentions: number, minMonths: number) =>
    `Low count, hollow: ${n} of ${of} types (< ${minMentions} forum mentions or < ${minMonths} non-zero months)`,
  bothWhat: "Spearman rho per model type, the paper's data and the mined data",
  fileWhat: 'Spearman rho of forum mentions vs Hub uploads per model type',
};
