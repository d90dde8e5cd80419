/**
 * Table II of the paper groups 72 free-text root causes (Root_Causes.csv) into categories,
 * but the package does not say which cause went where. These rules redo the grouping in
 * the open: an ordered list, first match wins, each with the reason a reviewer can dispute.
 *
 * Order matters and is deliberate:
 * - causes the authors could not determine, then causes placed outside HF (external), then
 *   HF-side gaps (bugs, documentation, features), then user-side gaps;
 * - so a compound cause naming both an HF gap and a user gap ("Lack of feature support by
 *   HF /Lack of knowledge by user") counts as the HF gap, the one the accepted answer fixed;
 * - a user's lack of knowledge goes to the most specific subject it names: theory, then
 *   practice/programming, then a non-HF API (Torch, TF), then a named HF library or service,
 *   then any API; unnamed subjects count as familiarity with HF (every topic is HF usage).
 */
export const ROOT_CAUSE_GROUPS = [
  { group: 'User-related', category: 'Lack of familiarity with HF and its libraries', published: 15 },
  { group: 'User-related', category: 'Lack of practical and programming knowledge', published: 12 },
  { group: 'User-related', category: 'Lack of API usage knowledge', published: 8 },
  { group: 'User-related', category: 'Lack of theoretical knowledge', published: 7 },
  { group: 'HF-related', category: 'Lacking feature by HF', published: 12 },
  { group: 'HF-related', category: 'Lacking documentation', published: 9 },
  { group: 'HF-related', category: 'HF bugs', published: 3 },
  { group: 'External', category: 'External platforms and libraries', published: 2 },
  { group: 'Other', category: 'Other/Unknown', published: 4 },
] as const;

export type RootCauseCategory = (typeof ROOT_CAUSE_GROUPS)[number]['category'];

/** Table II's percentages as printed (Other/Unknown is 5.5, not 5.6: the column was made to sum to 100). */
export const PUBLISHED_PERCENT: Record<RootCauseCategory, number> = {
  'Lack of familiarity with HF and its libraries': 20.8,
  'Lack of practical and programming knowledge': 16.7,
  'Lack of API usage knowledge': 11.1,
  'Lack of theoretical knowledge': 9.7,
  'Lacking feature by HF': 16.7,
  'Lacking documentation': 12.5,
  'HF bugs': 4.2,
  'External platforms and libraries': 2.8,
  'Other/Unknown': 5.5,
};

export interface RootCauseRule {
  id: string;
  category: RootCauseCategory;
  /** Tested against the lower-cased, trimmed root cause. */
  pattern: RegExp;
  why: string;
}

/** The spellings of "knowledge" that occur in Root_Causes.csv (knowlege, kowledge). */
const KNOW = '(?:knowledge|knowlege|kowledge|awareness|familiarity|attention)';

export const ROOT_CAUSE_RULES: readonly RootCauseRule[] = [
  {
    id: 'undetermined',
    category: 'Other/Unknown',
    pattern: /^(?:-+|not clear\.?)$/,
    why: 'The authors recorded no cause ("---") or wrote that it was not clear.',
  },
  {
    id: 'external',
    category: 'External platforms and libraries',
    pattern: /(?:by|in) external platform/,
    why: 'The cause lies in a platform outside HF (a missing feature or a confusing setting there).',
  },
  {
    id: 'hf-bug',
    category: 'HF bugs',
    pattern: /\bbug\b|issue caused by hf library/,
    why: 'A defect in HF code or in an HF library.',
  },
  {
    id: 'hf-docs',
    category: 'Lacking documentation',
    pattern: /documentation|official examples|tutorials|samples/,
    why: 'HF documentation, examples, tutorials or samples were missing, unclear or outdated.',
  },
  {
    id: 'hf-feature',
    category: 'Lacking feature by HF',
    pattern:
      /lack(?:ing|ig)? (?:of )?feature|feature (?:lacking|unavailable)|no predefined feature|limitation by hf|lack of support/,
    why: 'HF did not offer or support what the user needed (a missing feature, a limit, no support).',
  },
  {
    id: 'user-theory',
    category: 'Lack of theoretical knowledge',
    pattern: /theoretical/,
    why: 'The user lacked theoretical (ML/DL) knowledge.',
  },
  {
    id: 'user-practice',
    category: 'Lack of practical and programming knowledge',
    pattern: /practical|programming/,
    why: 'The user lacked practical experience or programming skill (includes programming mistakes).',
  },
  {
    id: 'user-other-api',
    category: 'Lack of API usage knowledge',
    pattern: /\b(?:torch|tf|tensorflow) api\b/,
    why: 'The user did not know a non-HF API (Torch, TensorFlow) used with HF.',
  },
  {
    id: 'user-hf-library',
    category: 'Lack of familiarity with HF and its libraries',
    pattern: new RegExp(`^lack of ${KNOW}\\b.*(?:\\bhf\\b|accelerate|\\bspaces?\\b|tokenizers|\\bhub\\b)`),
    why: 'The user did not know an HF library or service the cause names (Accelerate, Datasets, Spaces, the Hub, tokenizers).',
  },
  {
    id: 'user-api',
    category: 'Lack of API usage knowledge',
    pattern: /\bapis?\b/,
    why: 'The user did not know how to use an API.',
  },
  {
    id: 'user-unnamed',
    category: 'Lack of familiarity with HF and its libraries',
    pattern: new RegExp(`^lack of ${KNOW}\\b`),
    why: 'The user lacked knowledge of an unnamed subject; every topic is about using HF, so it counts as familiarity with HF.',
  },
  {
    id: 'other',
    category: 'Other/Unknown',
    pattern: /[\s\S]*/,
    why: 'None of the above: a third party or a version change, which Table II has no category for.',
  },
];

export interface RuleMatch {
  category: RootCauseCategory;
  rule: string;
}

export function classifyRootCause(text: string, rules: readonly RootCauseRule[] = ROOT_CAUSE_RULES): RuleMatch {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const hit = rules.find((r) => r.pattern.test(t));
  // The last rule matches everything, so this only fails for a custom rule list.
  if (!hit) return { category: 'Other/Unknown', rule: 'none' };
  return { category: hit.category, rule: hit.id };
}

export interface RootCauseRow {
  group: string;
  category: RootCauseCategory;
  published: number;
  publishedPercent: number;
  recomputed: number;
  recomputedPercent: number;
  difference: number;
}

/** Table II beside the recount; percentages to one decimal (round half up), as Table II prints them. */
export function tableTwo(categories: readonly RootCauseCategory[]): RootCauseRow[] {
  const total = categories.length;
  return ROOT_CAUSE_GROUPS.map((g) => {
    const recomputed = categories.filter((c) => c === g.category).length;
    return {
      group: g.group,
      category: g.category,
      published: g.published,
      publishedPercent: PUBLISHED_PERCENT[g.category],
      recomputed,
      recomputedPercent: total ? Math.round((recomputed / total) * 1000) / 10 : 0,
      difference: recomputed - g.published,
    };
  });
}
