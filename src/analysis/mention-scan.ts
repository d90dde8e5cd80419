/**
 * A fast scan that finds exactly the matches of the one big model-name pattern (BEFORE, one
 * alternative per type in pattern order, AFTER; flags gi) without trying ~180 alternatives at
 * every position.
 *
 * 1. Prefilter (./mention-prefilter.ts): one table lookup per character says where a match may start.
 * 2. Candidates (./mention-candidates.ts): from there, an automaton reads as far as any spelling
 *    can still be matching and names the bucket of types that may match at that position.
 * 3. Confirmation: the bucket's regex is the big pattern with only those types' alternatives, in
 *    the same order, run sticky at the candidate. A type left out cannot match at that position,
 *    so the first alternative that matches, and the text it matches, are the big pattern's.
 * The scan then resumes after the match, as a global regex does: the same matches by construction.
 *
 * On UTF-8 bytes (posts as the database stores them) the same steps run on the bytes: bytes of
 * non-ASCII characters are >= 0x80, never a word character nor part of a spelling, exactly as the
 * pattern (no 'u' flag) treats those characters; the regex confirms on the few ASCII bytes a
 * match can span, read as latin1 so one byte is one character.
 */
import { buildCandidateAutomaton } from './mention-candidates.js';
import { buildPrefilter, KEY_MASK } from './mention-prefilter.js';
import { AFTER, BEFORE, spellings, typeAlternative } from './mention-spellings.js';

/** 1 for the characters BEFORE/AFTER call word characters (ASCII letters, digits, '_'), by UTF-16 code unit. */
const WORD = new Uint8Array(65536);
for (let c = 0; c < 128; c++) WORD[c] = /[A-Za-z0-9_]/.test(String.fromCharCode(c)) ? 1 : 0;

/** A match of type `type` (index in pattern order) at [start, end); `matched` is its text. */
export type OnMatch = (type: number, start: number, end: number, matched: string) => void;

export interface MentionScanner {
  /** Every match of the big pattern in `text`, left to right (type = index in pattern order; UTF-16 indexes). */
  scan(text: string, onMatch: OnMatch): void;
  /** The same on UTF-8 bytes (byte offsets); null when a spelling is beyond the byte scan (then decode and use scan). */
  scanUtf8: ((bytes: Uint8Array, onMatch: OnMatch) => void) | null;
  /** How many distinct confirming regexes the automaton uses; for tests and benchmarks. */
  readonly buckets: number;
}

/** `ordered` must be in pattern order (orderTypes). */
export function buildMentionScanner(ordered: readonly string[]): MentionScanner {
  const automaton = buildCandidateAutomaton(ordered.map(spellings));
  const { cls, trans, after3, buckets, maxLength } = automaton;
  const maybe = buildPrefilter(automaton);
  const regexes = buckets.map((types) =>
    types.length
      ? new RegExp(`${BEFORE}(?:${types.map((t) => typeAlternative(ordered[t]!)).join('|')})${AFTER}`, 'iy')
      : null,
  );

  /** Runs the bucket's regex at `index` of `text`; reports and returns the match length, or -1. */
  const confirm = (b: number, text: string, index: number, start: number, onMatch: OnMatch) => {
    const re = regexes[b]!;
    re.lastIndex = index;
    const m = re.exec(text);
    if (m === null) return -1;
    let g = 1;
    while (m[g] === undefined) g++;
    onMatch(buckets[b]![g - 1]!, start, start + m[0].length, m[0]);
    return m[0].length;
  };

  // What follows is written out twice, for a string and for bytes, because one loop calling a
  // character accessor runs at half the speed. A "maybe" for the key ending at i is a candidate
  // at p = i - 2, whose automaton state after three characters the key already gives; the loop
  // runs on past the end with class 0 (the end of text) shifted in.

  const scan = (text: string, onMatch: OnMatch) => {
    const n = text.length;
    let next = 0;
    let key = 0;
    for (let i = 0; i < n + 2; i++) {
      key = ((key << 5) | (i < n ? cls[text.charCodeAt(i)]! : 0)) & KEY_MASK;
      if (maybe[key] === 0) continue;
      const p = i - 2;
      if (p < next || (p > 0 && WORD[text.charCodeAt(p - 1)] === 1)) continue;
      let s = after3[key & 0x7fff]!;
      for (let j = i + 1; s > 0; j++) s = trans[(s << 5) | (j < n ? cls[text.charCodeAt(j)]! : 0)]!;
      if (s === 0) continue;
      const len = confirm(-s, text, p, p, onMatch);
      if (len > 0) next = p + len;
    }
  };

  /** On UTF-8 bytes the regex confirms on the match's bytes read as latin1 (one byte, one character). */
  const scanUtf8 = (bytes: Uint8Array, onMatch: OnMatch) => {
    const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    const n = buf.length;
    let next = 0;
    let key = 0;
    for (let i = 0; i < n + 2; i++) {
      key = ((key << 5) | (i < n ? cls[buf[i]!]! : 0)) & KEY_MASK;
      if (maybe[key] === 0) continue;
      const p = i - 2;
      if (p < next || (p > 0 && WORD[buf[p - 1]!] === 1)) continue;
      let s = after3[key & 0x7fff]!;
      for (let j = i + 1; s > 0; j++) s = trans[(s << 5) | (j < n ? cls[buf[j]!]! : 0)]!;
      if (s === 0) continue;
      // Exact spellings match at most maxLength ASCII characters; the lookahead needs one more.
      const len = confirm(-s, buf.toString('latin1', p, Math.min(n, p + maxLength + 1)), 0, p, onMatch);
      if (len > 0) next = p + len;
    }
  };

  return { buckets: buckets.length - 1, scan, scanUtf8: automaton.exact ? scanUtf8 : null };
}
