/**
 * One spelling per label. Every rule is listed here so a reviewer can read (and dispute)
 * how a raw label from the replication package was understood; the raw value is kept too.
 */

/** Lowercase, '&' -> 'and', letters and digits only: "Memory & Performance " -> "memoryandperformance". */
export function labelKey(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]/g, '');
}

/** Forum categories as the HuggingFace Forums spell them. */
const FORUM_CATEGORIES = [
  'Beginners',
  'Intermediate',
  'Research',
  'Course',
  'Models',
  'Datasets',
  'Transformers',
  'Tokenizers',
  'Accelerate',
  'Diffusers',
  'Optimum',
  'Spaces',
  'Hub',
  'Gradio',
  'Amazon SageMaker',
  'Flax/JAX Projects',
  'Inference Endpoints on the Hub',
  'Languages at Hugging Face',
  'Community Calls',
  'Site Feedback',
  'Model Cards',
  'Show and Tell',
  'Transformers/DeepSpeed',
] as const;

/** Spellings that differ by more than case and spacing. */
const FORUM_ALIASES: Record<string, string> = {
  [labelKey('Inference Endpoint on the Hub')]: 'Inference Endpoints on the Hub',
};

const FORUM_BY_KEY = new Map<string, string>(FORUM_CATEGORIES.map((c) => [labelKey(c), c]));

/** Canonical forum category; unknown categories (new on the forum) keep their trimmed spelling. */
export function canonicalForumCategory(raw: string): string {
  const key = labelKey(raw);
  return FORUM_BY_KEY.get(key) ?? FORUM_ALIASES[key] ?? raw.trim();
}

export function levelOf(forumCategory: string): 'beginner' | 'intermediate' | null {
  if (forumCategory === 'Beginners') return 'beginner';
  if (forumCategory === 'Intermediate') return 'intermediate';
  return null;
}

/**
 * Names used for the same Table I category in different files (codebook, Overview sheet,
 * Root_Causes.csv). Keys are labelKey()s; values are the Overview sheet's names.
 */
export const CATEGORY_ALIASES: Record<string, string> = {
  // Benefits: the codebook says "Clarification", Table I and the Overview say "Solutions".
  [labelKey('Expert Opinion and Clarification')]: 'Expert Opinion and Solutions',
  // Root_Causes.csv spellings.
  [labelKey('Training and Pipeline')]: 'Training Pipeline',
  [labelKey('Training and Finetuning issues')]: 'Training Pipeline',
  [labelKey('Tutorial and Documentation Issues')]: 'Tutorial & Documentation',
  [labelKey('Feature/Model Requests')]: "HF Libraries' Features",
  [labelKey('API Usage issue')]: 'API Usage',
  [labelKey('API usage issues')]: 'API Usage',
  [labelKey('Uncategorized')]: 'Other Issues',
  [labelKey('External Platforms and Librairies')]: 'External Platforms & Libraries',
  // A topic coded with two categories: its first (primary) one counts.
  [labelKey('Model Usage and Understanding / Tutorial and Documentation')]: 'Model Usage and Understanding',
};

/** Resolves a raw category label to one of `known` (Overview names), or undefined. */
export function resolveCategory(raw: string, known: readonly string[]): string | undefined {
  const key = labelKey(raw);
  const direct = known.find((k) => labelKey(k) === key);
  if (direct) return direct;
  const alias = CATEGORY_ALIASES[key];
  return alias && known.includes(alias) ? alias : undefined;
}
