/**
 * Finds which model types a forum text mentions: case-insensitive, whole-word, with the usual
 * spellings (./mention-spellings.ts). The matches are those of one pattern whose alternatives
 * are tried longest name first, found by a candidate scan that confirms each candidate with that
 * pattern (./mention-scan.ts): the same matches, at a fraction of the cost.
 * Names that are ordinary words are flagged ambiguous: a person confirms them (paper IV-B2).
 */
import { buildMentionScanner } from './mention-scan.js';
import { AMBIGUOUS_TYPES, orderTypes } from './mention-spellings.js';

export { AMBIGUOUS_TYPES, spellings } from './mention-spellings.js';

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
  find(texts: Iterable<string>): MentionHit[];
}

export function buildMentionMatcher(
  types: readonly string[],
  ambiguous: ReadonlySet<string> = AMBIGUOUS_TYPES,
): MentionMatcher {
  const ordered = orderTypes(types);
  const isAmbiguous = ordered.map((t) => ambiguous.has(t));
  const scanner = buildMentionScanner(ordered);
  return {
    find(texts) {
      const hits: MentionHit[] = [];
      const seen = new Set<number>();
      for (const text of texts)
        scanner.scan(text, (t, index, end) => {
          if (seen.has(t)) return;
          seen.add(t);
          // Copies, not slices: a slice keeps the whole post alive for as long as the hit lives.
          hits.push({
            type: ordered[t]!,
            matched: copyString(text.slice(index, end)),
            sentence: copyString(sentenceAround(text, index, end - index)),
            ambiguous: isAmbiguous[t]!,
          });
        });
      return hits;
    },
  };
}

/**
 * A string that shares no memory with its source. V8 makes a substring of 13 or more characters
 * a view into the parent; concatenating and slicing forces a flat copy of just these characters.
 */
export function copyString(s: string): string {
  return s.length < 13 ? s : ` ${s}`.slice(1);
}

const isStop = (c: number) => c === 46 || c === 33 || c === 63 || c === 10; // . ! ? \n
const isEnd = (c: number) => c === 46 || c === 33 || c === 63; // . ! ?

/** The sentence (or line) holding [start, start+len), at most ~240 characters. */
export function sentenceAround(text: string, start: number, len: number): string {
  let a = start;
  while (a > 0 && !isStop(text.charCodeAt(a - 1)) && start - a < 160) a--;
  let b = start + len;
  while (b < text.length && !isStop(text.charCodeAt(b)) && b - start < 160) b++;
  if (b < text.length && isEnd(text.charCodeAt(b))) b++;
  const before = a > 0 && !isStop(text.charCodeAt(a - 1)) ? '…' : '';
  const after = b < text.length && !isStop(text.charCodeAt(b - 1)) ? '…' : '';
  return `${before}${text.slice(a, b).trim()}${after}`;
}
