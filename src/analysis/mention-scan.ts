/**
 * A fast scan that finds exactly the matches of the one big model-name pattern (BEFORE, one
 * alternative per type in pattern order, AFTER; flags gi) without trying ~180 alternatives at
 * every position.
 *
 * Candidates: a match can only start where the previous character is not a word character, and
 * only where the candidate automaton (./mention-candidates.ts) ends in a bucket of types that may
 * match there. Confirmation: the bucket's regex is the big pattern with only those types'
 * alternatives, in the same order, run sticky at the candidate. A type left out cannot match at
 * that position, so the first alternative that matches, and the text it matches, are the big
 * pattern's: the same matches by construction. The scan then resumes after the match, as a
 * global regex does.
 */
import { bucketAt, buildCandidateAutomaton } from './mention-candidates.js';
import { AFTER, BEFORE, spellings, typeAlternative } from './mention-spellings.js';

/** 1 for the characters BEFORE/AFTER call word characters. */
const WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) WORD[c] = /[A-Za-z0-9_]/.test(String.fromCharCode(c)) ? 1 : 0;

export interface MentionScanner {
  /** Calls `onMatch` for every match of the big pattern in `text`, left to right (type = index in pattern order). */
  scan(text: string, onMatch: (type: number, index: number, end: number) => void): void;
  /** How many distinct confirming regexes the automaton uses; for tests and benchmarks. */
  readonly buckets: number;
}

/** `ordered` must be in pattern order (orderTypes). */
export function buildMentionScanner(ordered: readonly string[]): MentionScanner {
  const automaton = buildCandidateAutomaton(ordered.map(spellings));
  const { buckets } = automaton;
  const regexes = buckets.map((types) =>
    types.length
      ? new RegExp(`${BEFORE}(?:${types.map((t) => typeAlternative(ordered[t]!)).join('|')})${AFTER}`, 'iy')
      : null,
  );

  return {
    buckets: buckets.length - 1,
    scan(text, onMatch) {
      const n = text.length;
      let afterWord = false;
      for (let p = 0; p < n; p++) {
        const c = text.charCodeAt(p);
        if (!afterWord) {
          const b = bucketAt(automaton, text, p);
          if (b !== 0) {
            const re = regexes[b]!;
            re.lastIndex = p;
            const m = re.exec(text);
            if (m !== null) {
              let g = 1;
              while (m[g] === undefined) g++;
              const end = re.lastIndex;
              onMatch(buckets[b]![g - 1]!, p, end);
              p = end - 1;
              const last = text.charCodeAt(p);
              afterWord = last < 128 && WORD[last] === 1;
              continue;
            }
          }
        }
        afterWord = c < 128 && WORD[c] === 1;
      }
    },
  };
}
