/**
 * The candidate filter of the mention scan: a small automaton over 32 classes of characters
 * that, started where a word may begin, reads as far as any spelling can still be matching and
 * ends naming the types that may match there (a "bucket"), or nothing. It is built from
 * ./regex-prefixes.ts, which may over-approximate a spelling but never misses one, and its
 * classes only ever merge characters (all digits are one class), so a type that matches at a
 * position is always in that position's bucket. The regex, run after it, decides.
 *
 * Classes: 1-26 letters (either case), 27 digits, 28 '_', 29-31 the first three non-word
 * characters the spellings use (' ', '-', '.' today), 0 everything else (other punctuation,
 * every non-ASCII character or UTF-8 byte >= 0x80, the end of the text): the pattern has no 'u'
 * flag, so no non-ASCII character is a word character or part of a spelling.
 */
import { matchPrefixes } from './regex-prefixes.js';

/** Deeper than any spelling in data/model-types.txt; a longer one is cut here (still a superset). */
const MAX_DEPTH = 40;
export const CLASSES = 32;

export interface CandidateAutomaton {
  /** Class of every UTF-16 code unit (and so of every byte). */
  cls: Uint8Array;
  /**
   * trans[(state << 5) | class] for a state still reading (> 0): the next state, or, when the
   * answer is known, minus the bucket (0: no type can match here).
   */
  trans: Int16Array;
  /** The same after the first three characters from the root: after3[(c0 << 10) | (c1 << 5) | c2]. */
  after3: Int16Array;
  root: number;
  /** Per bucket: type indices in pattern order. buckets[0] is empty. */
  buckets: number[][];
  /** Classes of the characters that are not word characters (class 0 among them). */
  nonWordClasses: number[];
  /** Whether a match may start at a non-word character (no spelling in data/model-types.txt does). */
  nonWordStart: boolean;
  /** Every spelling was read to its end, with ASCII characters only: a match is ASCII, at most `maxLength` long. */
  exact: boolean;
  maxLength: number;
}

function classTable(spellingChars: Set<string>): Uint8Array {
  const cls = new Uint8Array(65536);
  let separator = 29;
  for (let c = 0; c < 128; c++) {
    const ch = String.fromCharCode(c);
    if (/[a-z]/i.test(ch)) cls[c] = ch.toLowerCase().charCodeAt(0) - 96;
    else if (/[0-9]/.test(ch)) cls[c] = 27;
    else if (ch === '_') cls[c] = 28;
    else if (separator < CLASSES && spellingChars.has(ch)) cls[c] = separator++;
  }
  return cls;
}

/** `spellings[t]` are the regex fragments of type t, the types in pattern order. */
export function buildCandidateAutomaton(spellings: readonly (readonly string[])[]): CandidateAutomaton {
  const prefixes = spellings.map((list) => list.flatMap((s) => matchPrefixes(s, MAX_DEPTH)));
  const flat = prefixes.flat();
  const cls = classTable(new Set(flat.flatMap((p) => p.chars.flatMap((set) => (set ? [...set] : [])))));
  const all = Array.from({ length: CLASSES }, (_, k) => k);
  const nonWordClasses = all.filter((k) => k === 0 || k >= 29);
  const paths = prefixes.flatMap((list, type) =>
    list.map((p) => ({
      type,
      steps: [
        ...p.chars.map((set) => new Set(set ? [...set].map((ch) => cls[ch.charCodeAt(0)]!) : all)),
        // After a whole spelling the pattern wants a non-word character or the end.
        ...(p.complete ? [new Set(nonWordClasses)] : []),
      ],
    })),
  );

  // Subset construction over (depth, paths still being read, types already possible). States
  // still reading get ids 1, 2, ...; a state where the answer is known is -(its bucket).
  const reading: { depth: number; alive: number[]; accepted: number[] }[] = [{ depth: 0, alive: [], accepted: [] }];
  const index = new Map<string, number>();
  const buckets: number[][] = [[]];
  const bucketIds = new Map<string, number>();
  const intern = (depth: number, alive: number[], accepted: number[]): number => {
    if (!alive.length) {
      if (!accepted.length) return 0;
      const sig = accepted.join(',');
      if (!bucketIds.has(sig)) bucketIds.set(sig, buckets.push(accepted) - 1);
      return -bucketIds.get(sig)!;
    }
    const key = `${depth}|${alive.join(',')}|${accepted.join(',')}`;
    if (!index.has(key)) index.set(key, reading.push({ depth, alive, accepted }) - 1);
    return index.get(key)!;
  };
  const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b);
  const rootAccepted = new Set(paths.filter((p) => !p.steps.length).map((p) => p.type));
  const root = intern(
    0,
    paths.flatMap((p, i) => (p.steps.length ? [i] : [])),
    sorted(rootAccepted),
  );
  const trans: number[] = [];
  for (let s = 1; s < reading.length; s++) {
    const { depth, alive, accepted } = reading[s]!;
    for (let k = 0; k < CLASSES; k++) {
      const next: number[] = [];
      const acc = new Set(accepted);
      for (const i of alive) {
        const { steps, type } = paths[i]!;
        if (!steps[depth]!.has(k)) continue;
        if (depth + 1 === steps.length) acc.add(type);
        else next.push(i);
      }
      trans[(s << 5) | k] = intern(depth + 1, next, sorted(acc));
    }
  }
  if (reading.length > 0x7fff || buckets.length > 0x7fff) throw new Error('mention candidates: automaton too large');
  const table = Int16Array.from({ length: reading.length << 5 }, (_, i) => trans[i] ?? 0);
  const step = (s: number, k: number) => (s > 0 ? table[(s << 5) | k]! : s);
  const after3 = new Int16Array(1 << 15);
  for (let key = 0; key < 1 << 15; key++) after3[key] = step(step(step(root, key >> 10), (key >> 5) & 31), key & 31);
  const nonWordStart = root < 0 || nonWordClasses.some((k) => step(root, k) !== 0);
  const exact = flat.every((p) => p.complete && p.chars.every((set) => set !== null));
  const maxLength = Math.max(0, ...flat.map((p) => p.chars.length));
  return { cls, trans: table, after3, root, buckets, nonWordClasses, nonWordStart, exact, maxLength };
}

/** The bucket the automaton names for a match starting at `p` (0: no type can match there). */
export function bucketAt(a: CandidateAutomaton, text: string, p: number): number {
  let s = a.root;
  for (let i = p; s > 0; i++) s = a.trans[(s << 5) | (i < text.length ? a.cls[text.charCodeAt(i)]! : 0)]!;
  return s === 0 ? 0 : -s;
}
