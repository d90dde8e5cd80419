/**
 * Finds which model types a forum text mentions: case-insensitive, whole-word, with the usual
 * spellings (GPT-2/gpt2, LLaMA/llama-2, XLM-R). One combined pattern whose alternatives are
 * tried longest name first, so "xlm-roberta" is one mention of xlm-roberta, not also roberta.
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

export interface MentionHit {
  type: string;
  /** The text as written ("LLaMA-2"). */
  matched: string;
  /** The sentence around the first match, for a person to judge. */
  sentence: string;
  ambiguous: boolean;
}

export interface MentionMatcher {
  /** First hit per model type over the texts, in order of the texts. */
  find(texts: readonly string[]): MentionHit[];
}

export function buildMentionMatcher(
  types: readonly string[],
  ambiguous: ReadonlySet<string> = AMBIGUOUS_TYPES,
): MentionMatcher {
  const ordered = [...new Set(types)].sort((a, b) => b.length - a.length || a.localeCompare(b));
  const alternatives = ordered.map(
    (t) =>
      `(${spellings(t)
        .sort((a, b) => b.length - a.length)
        .join('|')})`,
  );
  const source = `(?<![A-Za-z0-9_])(?:${alternatives.join('|')})(?![A-Za-z0-9_])`;
  return {
    find(texts) {
      const hits = new Map<string, MentionHit>();
      for (const text of texts) {
        const re = new RegExp(source, 'gi');
        for (let m = re.exec(text); m; m = re.exec(text)) {
          const g = m.findIndex((v, i) => i > 0 && v !== undefined);
          const type = ordered[g - 1]!;
          if (!hits.has(type))
            hits.set(type, {
              type,
              matched: m[0],
              sentence: sentenceAround(text, m.index, m[0].length),
              ambiguous: ambiguous.has(type),
            });
        }
      }
      return [...hits.values()];
    },
  };
}

/** The sentence (or line) holding [start, start+len), at most ~240 characters. */
export function sentenceAround(text: string, start: number, len: number): string {
  let a = start;
  while (a > 0 && !/[.!?\n]/.test(text[a - 1]!) && start - a < 160) a--;
  let b = start + len;
  while (b < text.length && !/[.!?\n]/.test(text[b]!) && b - start < 160) b++;
  if (b < text.length && /[.!?]/.test(text[b]!)) b++;
  return `${a > 0 && !/[.!?\n]/.test(text[a - 1]!) ? '…' : ''}${text.slice(a, b).trim()}${b < text.length && !/[.!?\n]/.test(text[b - 1]!) ? '…' : ''}`;
}
