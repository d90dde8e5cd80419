/** Strings of the taxonomy commands: /challenges, /benefits, /rootcauses, /examples, /taxonomy. */
import { fmtPercent as pct } from '../format/numbers.js';
import { topicUrl } from '../format/sources.js';

const list = (xs: string[]) => xs.join(', ');

export const taxonomy = {
  tableOne: (t: {
    kind: 'challenges' | 'benefits';
    total: number;
    shown: number;
    of: number;
    top: { code: string; category: string; count: number; percent: number }[];
  }) =>
    [
      `${t.kind === 'challenges' ? 'Challenges' : 'Benefits'} of PTM reuse, paper Table I (SANER 2024): ${t.total} ${t.kind === 'challenges' ? 'challenge' : 'benefit'} codes in ${t.of} categories${t.shown < t.of ? `, top ${t.shown} shown` : ''}.`,
      `${t.top
        .slice(0, 3)
        .map((r) => `${r.code} ${r.category}: ${r.count} (${pct(r.percent)})`)
        .join('; ')}.`,
      'Shares are of codes; source: Codebook.xlsx Overview sheet.',
    ].join('\n'),
  tableTwoSource: 'paper Table II',
  benefitsRounding:
    'B1 and B3 are printed 50.98% and 14.78% in the paper; 262/514 and 76/514 round to 50.97% and 14.79%.',
  level: (t: {
    level: string;
    forum: string;
    n: number;
    shown: number;
    top: { code: string; category: string; count: number; percent: number; lower: number; upper: number }[];
    sources: string[];
  }) =>
    [
      `Challenges of ${t.level} topics: n = ${t.n} topics from the ${t.forum} forum category whose categories are known (${list(t.sources)}). This is a small sample, not the paper's 737 codes.`,
      t.top.length
        ? `${t.top
            .slice(0, 3)
            .map(
              (r) =>
                `${r.code} ${r.category}: ${r.count}/${t.n} topics (${pct(r.percent, 1)}, 95% CI ${pct(r.lower, 1)}-${pct(r.upper, 1)})`,
            )
            .join('; ')}.`
        : 'No categories known yet.',
      'Shares are of topics (a topic can have several categories, so they need not sum to 100%); intervals are Wilson 95%.',
    ].join('\n'),
  noLevelTopics: (level: string, forum: string) =>
    `No ${level} topics have known categories yet (none from the ${forum} forum category in Root_Causes.csv or in closed coding rounds).`,
  noLevelTopicsHint: "Code some with /code start, or use level:all for the paper's Table I.",
  rootCauses: (t: {
    total: number;
    matched: number;
    diffs: { category: string; published: number; recomputed: number }[];
  }) =>
    [
      `Root causes of PTM-reuse challenges, paper Table II beside a recount of the ${t.total} free-text causes in Root_Causes.csv with explicit rules.`,
      `${t.matched} of 9 categories match the published count${t.diffs.length ? `; differences: ${t.diffs.map((d) => `${d.category} ${d.recomputed} vs ${d.published}`).join('; ')}` : ''}.`,
      'Every assignment and the rule that made it is in the data; the rules live in src/analysis/root-cause-rules.ts.',
    ].join('\n'),
  unknownTheme: (input: string) => `No category or subcategory matches "${input}".`,
  unknownThemeHint: (suggestions: string[]) =>
    suggestions.length
      ? `Did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?`
      : 'Type /taxonomy to see every category.',
  ambiguousTheme: (input: string, candidates: string[]) =>
    `"${input}" matches ${candidates.length} themes: ${list(candidates.slice(0, 8))}${candidates.length > 8 ? ', ...' : ''}.`,
  ambiguousThemeHint: 'Type more of the name, or a code such as C8.',
  examples: (t: {
    label: string;
    definition: string;
    exampleTopic: number | null;
    quote: string | null;
    topics: number;
    inSubcategory: number | null;
    shown: number;
  }) =>
    [
      `${t.label}: ${t.definition}`,
      t.exampleTopic
        ? `Codebook example, T${t.exampleTopic} (${topicUrl(t.exampleTopic)})${t.quote ? `: "${t.quote}"` : ''}`
        : '',
      !t.topics
        ? 'No coded topics of this theme in the dataset yet (only the 72 root-cause topics and coding rounds carry topic-level categories).'
        : t.inSubcategory === null
          ? `${t.topics} coded topic${t.topics === 1 ? '' : 's'} in the dataset${t.shown < t.topics ? `, ${t.shown} shown` : ''} (Root_Causes.csv and coding rounds).`
          : `${t.inSubcategory} topic${t.inSubcategory === 1 ? '' : 's'} in this subcategory (Root_Causes.csv), then ${t.topics - t.inSubcategory} more coded only with its category${t.shown < t.topics ? `; ${t.shown} shown` : ''}.`,
    ]
      .filter(Boolean)
      .join('\n'),
  taxonomy: (t: { kind: string; categories: number; subcategories: number; leaves: number; lines: string[] }) =>
    [
      `Taxonomy of ${t.kind} (SANER 2024 codebook): ${t.categories} categories, ${t.subcategories} subcategories (${t.leaves} counting each category without subcategories as one, as the paper's 47 does).`,
      ...t.lines,
      'Definitions are in the table; source: Codebook.xlsx.',
    ].join('\n'),
};
