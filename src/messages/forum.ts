/** Strings of /forum: mined topics per forum category over time. */
import { fmtCount as n, fmtShare as pct } from '../format/numbers.js';

export const forum = {
  noCategory: '(no category)',
  noData: 'No mined forum topics yet: /forum counts topics that hfbot has mined from the HuggingFace Forums.',
  noDataHint:
    "Run `hfbot mine forum` (or `hfbot refresh`, which also recounts the series), then ask again. The paper's own counts are in /challenges and /trend.",
  unknownCategory: (input: string) => `/forum: no forum category "${input}" in the mined topics.`,
  unknownCategoryHint: (suggestions: string[], all: string[]) =>
    suggestions.length
      ? `Did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?`
      : `Categories: ${all.slice(0, 12).join(', ')}${all.length > 12 ? ', ...' : ''}.`,
  ambiguousCategory: (input: string, matches: string[]) =>
    `/forum: "${input}" fits several categories: ${matches.join(', ')}.`,
  ambiguousCategoryHint: 'Type more of the name.',
  tooManyCategories: (max: number, got: number) => `/forum draws at most ${max} categories at once; got ${got}.`,
  other: (k: number) => `${k} other categories`,
  partial: (month: string) => `${month} is only partly mined.`,
  summary: (t: {
    cumulative: boolean;
    from: string;
    to: string;
    topics: number;
    inWindow: number;
    categories: number;
    shown: number;
    head: { category: string; total: number; inWindow: number }[];
    partial: string | null;
    lastRun: string | null;
  }) =>
    [
      `Mined forum topics per category per month, ${t.cumulative ? 'cumulative (every topic created up to each month)' : 'created in each month'}, ${t.from}..${t.to}: ${n(t.inWindow)} topics created in the window, ${n(t.topics)} up to ${t.to}, in ${t.categories} categor${t.categories === 1 ? 'y' : 'ies'}${t.shown < t.categories ? ` (the ${t.shown} largest drawn, the rest summed)` : ''}.`,
      `Largest: ${t.head.map((h) => `${h.category} ${n(h.total)} (${pct(t.topics ? h.total / t.topics : 0)})`).join(', ')}.`,
      ...(t.partial ? [forum.partial(t.partial)] : []),
      t.lastRun
        ? `Mined by hfbot; last complete run ${t.lastRun.slice(0, 10)}.`
        : 'Mined by hfbot; no run has completed yet.',
    ].join('\n'),
  /** III-B1 and III-C3 of the paper: what the forum held when it was mined (26 June 2023). */
  paperAt: (t: { month: string; beginners: number; intermediate: number; all: number }) =>
    `Up to ${t.month}, when the paper mined the forum: Beginners ${n(t.beginners)}, Intermediate ${n(t.intermediate)}, ${n(t.all)} topics in all here; the paper counted about 3.7K, 0.5K and 11,175 (Sections III-B1, III-C3).`,
};
