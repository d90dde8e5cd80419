/**
 * Finds which model types a forum text mentions: case-insensitive, whole-word, with the usual
 * spellings (./mention-spellings.ts). The matches are those of one pattern whose alternatives
 * are tried longest name first, found by a candidate scan that confirms each candidate with that
 * pattern (./mention-scan.ts): the same matches, at a fraction of the cost.
 * Names that are ordinary words are flagged ambiguous: a person confirms them (paper IV-B2).
 */
import { buildMentionScanner } from './mention-scan.js';
import { copyString, sentenceAround, sentenceAroundUtf8 } from './mention-sentence.js';
import { AMBIGUOUS_TYPES, orderTypes } from './mention-spellings.js';

export { copyString, sentenceAround } from './mention-sentence.js';
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
  /**
   * The same for texts as UTF-8 bytes (posts as the database stores them: no decoding of
   * text that holds no match). Equal to find() on the decoded texts for valid UTF-8.
   */
  findUtf8(texts: Iterable<Uint8Array>): MentionHit[];
}

export function buildMentionMatcher(
  types: readonly string[],
  ambiguous: ReadonlySet<string> = AMBIGUOUS_TYPES,
): MentionMatcher {
  const ordered = orderTypes(types);
  const isAmbiguous = ordered.map((t) => ambiguous.has(t));
  const scanner = buildMentionScanner(ordered);
  const find = (texts: Iterable<string>) => {
    const hits: MentionHit[] = [];
    const seen = new Set<number>();
    for (const text of texts)
      scanner.scan(text, (t, start, end, matched) => {
        if (seen.has(t)) return;
        seen.add(t);
        // Copies, not slices: a slice keeps the whole post alive for as long as the hit lives.
        hits.push({
          type: ordered[t]!,
          matched: copyString(matched),
          sentence: copyString(sentenceAround(text, start, end - start)),
          ambiguous: isAmbiguous[t]!,
        });
      });
    return hits;
  };
  const scanUtf8 = scanner.scanUtf8;
  return {
    find,
    findUtf8(texts) {
      const list = [...texts].map((b) => (Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.length)));
      if (!scanUtf8) return find(list.map((b) => b.toString('utf8')));
      const hits: MentionHit[] = [];
      const seen = new Set<number>();
      for (const bytes of list)
        scanUtf8(bytes, (t, start, end, matched) => {
          if (seen.has(t)) return;
          seen.add(t);
          // Both strings are decoded from a few bytes around the match: they cannot hold the post.
          hits.push({
            type: ordered[t]!,
            matched,
            sentence: sentenceAroundUtf8(bytes, start, end),
            ambiguous: isAmbiguous[t]!,
          });
        });
      return hits;
    },
  };
}
