/**
 * How each model type is written in forum text: the usual spellings (GPT-2/gpt2, LLaMA/llama-2,
 * XLM-R) as regex fragments, matched case-insensitively and as whole words by ./mentions.ts.
 * Names that are ordinary words are flagged ambiguous: a person confirms them (paper IV-B2).
 */

/** Model types that are also ordinary words or names; their matches wait for /verify. */
export const AMBIGUOUS_TYPES: ReadonlySet<string> = new Set([
  'opt',
  'clip',
  'sam',
  'bloom',
  'git',
  'led',
  'van',
  'bit',
  'align',
  'mega',
  'nat',
  'sew',
  'luke',
  'marian',
  'canine',
  'funnel',
  'ctrl',
  'splinter',
  'informer',
  'perceiver',
  'clap',
  'yoso',
  'deta',
  'mvp',
  'donut',
  'lilt',
]);

/** Spellings the generic rule does not produce (regex fragments, matched case-insensitively). */
const ALIASES: Record<string, string[]> = {
  llama: ['llama[-_ ]?[1-3](?:\\.\\d)?'],
  gptj: ['gpt[-_ ]?j'],
  gpt_neo: ['gpt[-_ ]neo'],
  gpt_neox: ['gpt[-_ ]?neo[-_ ]?x'],
  'xlm-roberta': ['xlm[-_ ]?r', 'xlm roberta'],
  'transfo-xl': ['transformer[-_ ]?xl'],
  wav2vec2: ['wav2vec[-_ ]?2\\.0', 'wav2vec 2'],
  speech_to_text: ['speech2text'],
  m2m_100: ['m2m[-_ ]?100'],
  'openai-gpt': ['openai[-_ ]gpt'],
  big_bird: ['bigbird'],
  decision_transformer: ['decision transformer'],
  'blip-2': ['blip[-_ ]?2'],
};

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The generic spelling rule: -, _ or nothing between parts, and before a trailing version number. */
export function spellings(type: string): string[] {
  const parts = type
    .toLowerCase()
    .split(/[-_]/)
    .map((p) => {
      // gpt2 -> gpt-2, wav2vec2 -> wav2vec-2; not t5 or mt5, where the letters alone mean nothing.
      const m = /^([a-z][a-z0-9]*[a-z]{2})(\d+)$/.exec(p);
      return m ? `${escapeRegex(m[1]!)}[-_]?${m[2]}` : escapeRegex(p);
    });
  return [parts.join('[-_]?'), ...(ALIASES[type] ?? [])];
}

/**
 * The exact pattern: one alternative per type, tried longest name first so "xlm-roberta" is one
 * mention of xlm-roberta, not also roberta; within a type, longest spelling first. Every
 * alternative is one capturing group, so the group number says the type.
 */
export function orderTypes(types: readonly string[]): string[] {
  return [...new Set(types)].sort((a, b) => b.length - a.length || a.localeCompare(b));
}

export function typeAlternative(type: string): string {
  return `(${spellings(type)
    .sort((a, b) => b.length - a.length)
    .join('|')})`;
}

/**
 * Whole words: no ASCII letter, digit or underscore on either side. With the 'i' flag and no 'u'
 * flag no other character folds to these, so "word character" means exactly these 63.
 */
export const BEFORE = '(?<![A-Za-z0-9_])';
export const AFTER = '(?![A-Za-z0-9_])';
