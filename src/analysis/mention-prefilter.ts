/**
 * The first, cheapest pass of the mention scan: one table lookup per character, no branch that
 * depends on the text except "maybe here". A rolling key of the last four characters in 5-bit
 * classes (letters, any digit, '_', the three separators spellings use most, anything else)
 * says whether a match may start two characters back: the character before is not a word
 * character and the candidate automaton survives the next three. Classes only ever merge
 * characters, so the table says "maybe" wherever the automaton would: a superset, never less.
 */
import type { CandidateAutomaton } from './mention-candidates.js';

export const KEY_MASK = 0xfffff;

export interface Prefilter {
  /** 5-bit class of each UTF-16 code unit (and each byte: bytes of non-ASCII characters are >= 0x80, class 0). */
  class5: Uint8Array;
  /** maybe[(prev << 15) | (c0 << 10) | (c1 << 5) | c2] = 1: a match may start at c0. */
  maybe: Uint8Array;
}

export function buildPrefilter(a: CandidateAutomaton, wordChars: Uint8Array): Prefilter {
  const { cls, classes: K, trans, reading, bucket, root } = a;
  // The first three non-word characters the spellings use (' ', '-', '.' today) get classes of their own.
  const separators: string[] = [];
  for (let c = 0; c < 128 && separators.length < 3; c++)
    if (cls[c] && !wordChars[c]) separators.push(String.fromCharCode(c));
  const class5 = new Uint8Array(65536);
  for (let c = 0; c < 128; c++) {
    const ch = String.fromCharCode(c);
    if (/[a-z]/i.test(ch)) class5[c] = ch.toLowerCase().charCodeAt(0) - 96;
    else if (/[0-9]/.test(ch)) class5[c] = 27;
    else if (ch === '_') class5[c] = 28;
    else if (separators.includes(ch)) class5[c] = 29 + separators.indexOf(ch);
  }
  // The 5-bit classes of each automaton class: one for a character a spelling names; for class 0
  // (every other character, non-ASCII ones and the end of the text) all of theirs.
  const of: Set<number>[] = Array.from({ length: K }, (_, k) => new Set(k === 0 ? [0] : []));
  for (let c = 0; c < 128; c++) of[cls[c]!]!.add(class5[c]!);
  const after = (s: number, k: number) => (reading[s] === 1 ? trans[s * K + k]! : s);
  /** The automaton, started at c0, may still end in a bucket after c0 c1 c2. */
  const survives = (c0: number, c1: number, c2: number) => {
    const s = after(after(after(root, c0), c1), c2);
    return s !== 0 && (reading[s] === 1 || bucket[s] !== 0);
  };
  const prevs = new Set<number>([0]);
  for (let c = 0; c < 128; c++) if (!wordChars[c]) prevs.add(class5[c]!);
  const maybe = new Uint8Array(KEY_MASK + 1);
  for (let c0 = 0; c0 < K; c0++)
    for (let c1 = 0; c1 < K; c1++)
      for (let c2 = 0; c2 < K; c2++) {
        if (!survives(c0, c1, c2)) continue;
        for (const p of prevs)
          for (const a of of[c0]!)
            for (const b of of[c1]!) for (const c of of[c2]!) maybe[(p << 15) | (a << 10) | (b << 5) | c] = 1;
      }
  // A match may start at a non-word character (never with today's spellings): then everywhere is "maybe".
  if (a.nonWordStart) maybe.fill(1);
  return { class5, maybe };
}
