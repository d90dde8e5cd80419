/** Strings of the taxonomy commands: /challenges, /benefits, /rootcauses, /examples, /taxonomy. */
import { fmtP, fmtPIs, fmtPercent as pct } from '../format/numbers.js';
import { topicUrl } from '../format/sources.js';

const list = (xs: string[]) => xs.join(', ');

/** Plain words on what small samples can and cannot show, before any p-value is read. */
function smallN(n: { beginner: number; intermediate: number }, minP: number | null): string {
  const least = Math.min(n.beginner, n.intermediate);
  if (minP !== null && minP > 0.05)
    return `Small samples: with ${least} topic${least === 1 ? '' : 's'} in the smaller level no category can reach p < 0.05 (the smallest p these margins allow is ${fmtP(minP)}); read the intervals, not the tests.`;
  if (least < 30)
    return `Small samples (n = ${n.beginner} and ${n.intermediate}): the intervals are wide and only large differences can show.`;
  return '';
}

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
    kind: 'challenges' | 'benefits';
    level: string;
    forum: string;
    n: number;
    shown: number;
    top: { code: string; category: string; count: number; percent: number; lower: number; upper: number }[];
    sources: string[];
  }) =>
    [
      `${t.kind === 'challenges' ? 'Challenges' : 'Benefits'} of ${t.level} topics: n = ${t.n} topics from the ${t.forum} forum category whose categories are known (${list(t.sources)}). This is a small sample, not the paper's ${t.kind === 'challenges' ? 737 : 514} codes.`,
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
  noLevelTopics: (level: string, forum: string, kind: 'challenges' | 'benefits' = 'challenges') =>
    kind === 'challenges'
      ? `No ${level} topics have known categories yet (none from the ${forum} forum category in Root_Causes.csv or in closed coding rounds).`
      : `No ${level} topics have known benefit categories yet (Root_Causes.csv codes challenges only; benefits come from coding rounds of the ${forum} forum category).`,
  noLevelTopicsHint: "Code some with /code start, or use level:all for the paper's Table I.",
  noLevelBenefitsHint:
    "Code some with /code start scheme:benefits stratify:forum-category, or use level:all for the paper's Table I.",
  compare: (t: {
    kind: 'challenges' | 'benefits';
    n: { beginner: number; intermediate: number };
    sources: string[];
    tested: number;
    significant: number;
    minAttainableP: number | null;
    top: {
      code: string;
      category: string;
      beginner: { count: number; percent: number };
      intermediate: { count: number; percent: number };
      p: number | null;
      q: number | null;
    }[];
  }) =>
    [
      `${t.kind === 'challenges' ? 'Challenges' : 'Benefits'} of Beginners vs Intermediate topics (the paper's Fig. 2 by category): n = ${t.n.beginner} beginner and ${t.n.intermediate} intermediate topics whose categories are known (${list(t.sources)}).`,
      smallN(t.n, t.minAttainableP),
      ...t.top
        .slice(0, 3)
        .map(
          (r) =>
            `${r.code} ${r.category}: ${r.beginner.count}/${t.n.beginner} (${pct(r.beginner.percent, 1)}) vs ${r.intermediate.count}/${t.n.intermediate} (${pct(r.intermediate.percent, 1)}), ${fmtPIs(r.p)}, ${fmtPIs(r.q, 'q')}.`,
        ),
      `Fisher's exact test per category (in it or not, by level; two-sided), Benjamini-Hochberg over the ${t.tested} categories any topic has: ${t.significant} with q < 0.05. Shares are of topics, with 95% Wilson intervals; the paper's Fig. 2 compares subcategory shares of codes.`,
    ]
      .filter(Boolean)
      .join('\n'),
  /** Section III-C4 of the paper, quoted. */
  paperTrendFinding: 'We observed no discernible trend for any of the categories of issues over time.',
  noDated: (coded: number) =>
    `None of the ${coded} coded topics has a known creation date yet: /challenges over: takes dates from the mined forum.`,
  noDatedHint:
    "Run `hfbot mine forum` (or `hfbot refresh`): the paper's coded topics (Root_Causes.csv) and coding-round topics get their dates once mined.",
  levelWithOver: 'level: and over: answer different questions; give one of them.',
  overTime: (t: {
    unit: string;
    codes: number;
    dated: number;
    coded: number;
    periods: number;
    from: string;
    to: string;
    x2: number | null;
    df: number | null;
    p: number | null;
    untestable: 'one-period' | 'one-category' | null;
    cochran: { ok: boolean; below5: number; cells: number; minExpected: number } | null;
    monteCarlo: { p: number; replicates: number; seed: string } | null;
  }) => {
    const lines = [
      `Challenge categories by ${t.unit} of topic creation, ${t.from}..${t.to} (${t.periods} ${t.unit}s): ${t.codes} codes (topic x category) from the ${t.dated} of ${t.coded} coded topics whose creation date the mined forum knows.`,
    ];
    if (t.untestable)
      lines.push(
        `No test: every dated code falls in one ${t.untestable === 'one-period' ? t.unit : 'category'}; mine more of the forum or code more topics.`,
      );
    else {
      lines.push(
        `Chi-square test of independence (category x ${t.unit}): X-squared = ${t.x2!.toFixed(2)}, df = ${t.df}, ${fmtPIs(t.p)}.`,
      );
      if (t.cochran && !t.cochran.ok && t.monteCarlo)
        lines.push(
          `Expected counts are too small for that p (Cochran's rule: ${t.cochran.below5} of ${t.cochran.cells} cells below 5, the smallest ${t.cochran.minExpected.toFixed(2)}), so read the Monte-Carlo ${fmtPIs(t.monteCarlo.p)} instead (${t.monteCarlo.replicates.toLocaleString('en-US')} tables with these margins, seed "${t.monteCarlo.seed}", as R's chisq.test(simulate.p.value = TRUE)).`,
        );
      const p = t.monteCarlo?.p ?? t.p!;
      lines.push(
        `Paper (III-C4): "${taxonomy.paperTrendFinding}" ${p < 0.05 ? `Here the shares differ between ${t.unit}s (p < 0.05), which is at odds with it; look at which categories move.` : `Here there is no evidence that the shares differ between ${t.unit}s (p >= 0.05), in line with it.`}`,
      );
    }
    lines.push("A topic with several categories counts once in each, as the paper gave each code its topic's date.");
    return lines.join('\n');
  },
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
