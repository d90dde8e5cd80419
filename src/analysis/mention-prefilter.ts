/**
 * The first, cheapest pass of the mention scan: one table lookup per character, and no branch
 * that depends on the text except "maybe here". A rolling key of the last four characters'
 * classes (./mention-candidates.ts) says whether a match may start two characters back: the
 * character before it is not a word character and the candidate automaton survives the next
 * three. Exactly what the automaton would say after three characters, so never less.
 */
import type { CandidateAutomaton } from './mention-candidates.js';

/** Four classes of 5 bits. */
export const KEY_MASK = 0xfffff;

/** maybe[(prev << 15) | (c0 << 10) | (c1 << 5) | c2] = 1: a match may start at c0. */
export function buildPrefilter(a: CandidateAutomaton): Uint8Array {
  const maybe = new Uint8Array(KEY_MASK + 1);
  // A match may start at a non-word character (never with today's spellings): then everywhere is "maybe".
  if (a.nonWordStart) return maybe.fill(1);
  for (const prev of a.nonWordClasses)
    for (let key = 0; key < 1 << 15; key++) if (a.after3[key] !== 0) maybe[(prev << 15) | key] = 1;
  return maybe;
}
