/**
 * The mention matcher as it was before the candidate scan (commit 3fc1c98, src/analysis/mentions.ts):
 * one regex of every type's spellings, tried at every position. Kept here, outside src, as the
 * reference the new matcher must equal (test/analysis/mention-equivalence.test.ts) and as the
 * "old" side of bench/mentions.ts. Do not optimise it: its value is that it is the old code.
 */
import { spellings } from '../../src/analysis/mention-spellings.js';
import type { MentionHit, MentionMatcher } from '../../src/analysis/mentions.js';
import { AMBIGUOUS_TYPES } from '../../src/analysis/mention-spellings.js';

/** One regex match: where, what, which type. */
export interface RawMatch {
  index: number;
  text: string;
  type: string;
}

function build(types: readonly string[]) {
  const ordered = [...new Set(types)].sort((a, b) => b.length - a.length || a.localeCompare(b));
  const alternatives = ordered.map(
    (t) =>
      `(${spellings(t)
        .sort((a, b) => b.length - a.length)
        .join('|')})`,
  );
  const source = `(?<![A-Za-z0-9_])(?:${alternatives.join('|')})(?![A-Za-z0-9_])`;
  return { ordered, source };
}

export function buildReferenceMatcher(
  types: readonly string[],
  ambiguous: ReadonlySet<string> = AMBIGUOUS_TYPES,
): MentionMatcher & { all(text: string): RawMatch[] } {
  const { ordered, source } = build(types);
  const find = (texts: Iterable<string>) => {
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
            sentence: referenceSentenceAround(text, m.index, m[0].length),
            ambiguous: ambiguous.has(type),
          });
      }
    }
    return [...hits.values()];
  };
  return {
    find,
    // The old derive read posts as strings; decoding bytes first is the same thing.
    findUtf8: (texts) => find([...texts].map((b) => Buffer.from(b.buffer, b.byteOffset, b.length).toString('utf8'))),
    all(text) {
      const out: RawMatch[] = [];
      const re = new RegExp(source, 'gi');
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const g = m.findIndex((v, i) => i > 0 && v !== undefined);
        out.push({ index: m.index, text: m[0], type: ordered[g - 1]! });
      }
      return out;
    },
  };
}

/** The sentence (or line) holding [start, start+len), at most ~240 characters. */
export function referenceSentenceAround(text: string, start: number, len: number): string {
  let a = start;
  while (a > 0 && !/[.!?\n]/.test(text[a - 1]!) && start - a < 160) a--;
  let b = start + len;
  while (b < text.length && !/[.!?\n]/.test(text[b]!) && b - start < 160) b++;
  if (b < text.length && /[.!?]/.test(text[b]!)) b++;
  return `${a > 0 && !/[.!?\n]/.test(text[a - 1]!) ? '…' : ''}${text.slice(a, b).trim()}${b < text.length && !/[.!?\n]/.test(text[b - 1]!) ? '…' : ''}`;
}
