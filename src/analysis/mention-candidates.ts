/**
 * The candidate filter of the mention scan: a small automaton over case-folded characters that,
 * started where a word may begin, reads as far as any spelling can still be matching and ends in
 * a state naming the types that may match there (a "bucket"), or in the dead state 0. It is
 * built from ./regex-prefixes.ts, which may over-approximate a spelling but never misses one, so
 * a type that matches at a position is always in that position's bucket.
 */
import { type CharSet, matchPrefixes } from './regex-prefixes.js';

/** Deeper than any spelling in data/model-types.txt; a longer one is cut here (still a superset). */
const MAX_DEPTH = 40;
const WORD = /[A-Za-z0-9_]/;

export interface CandidateAutomaton {
  /** Character class of each ASCII code; every other code (and the end of the text) is class 0. */
  cls: Uint8Array;
  classes: number;
  /** trans[state * classes + class]: next state; 0 = no type can match here. */
  trans: Int32Array;
  /** Per state: 1 while some spelling is still being read (keep reading), 0 when the answer is known. */
  reading: Uint8Array;
  /** Per state: the bucket, an index into `buckets` (0 = none). */
  bucket: Uint16Array;
  /** Per bucket: type indices in pattern order. buckets[0] is empty. */
  buckets: number[][];
  root: number;
  /** Whether a match may start at a non-word character (no spelling in data/model-types.txt does). */
  nonWordStart: boolean;
  /**
   * Every spelling was read to its end, with ASCII characters only: a match is then ASCII text of
   * at most `maxLength` characters, so it can be confirmed on a few bytes of UTF-8.
   */
  exact: boolean;
  maxLength: number;
}

/** `spellings[t]` are the regex fragments of type t, the types in pattern order. */
export function buildCandidateAutomaton(spellings: readonly (readonly string[])[]): CandidateAutomaton {
  const prefixes = spellings.map((list) => list.flatMap((s) => matchPrefixes(s, MAX_DEPTH)));
  const cls = new Uint8Array(128);
  let classes = 1;
  for (const ch of new Set(prefixes.flat().flatMap((p) => p.chars.flatMap((set) => (set ? [...set] : []))))) {
    const c = ch.charCodeAt(0);
    if (cls[c]) continue;
    cls[c] = classes;
    if (/[a-z]/.test(ch)) cls[ch.toUpperCase().charCodeAt(0)] = classes;
    classes++;
  }
  const all = Array.from({ length: classes }, (_, i) => i);
  // After a complete spelling the pattern wants a non-word character (or the end): class 0 may be either.
  const nonWord = all.filter((k) => k === 0 || !WORD.test(String.fromCharCode(cls.indexOf(k))));
  const ids = (set: CharSet) => (set ? new Set([...set].map((ch) => cls[ch.charCodeAt(0)]!)) : new Set(all));
  const paths = prefixes.flatMap((list, type) =>
    list.map((p) => ({ type, steps: [...p.chars.map(ids), ...(p.complete ? [new Set(nonWord)] : [])] })),
  );

  // Subset construction over (depth, paths still being read, types already possible).
  const states: { depth: number; alive: number[]; accepted: number[] }[] = [
    { depth: 0, alive: [], accepted: [] }, // 0: dead
  ];
  const index = new Map<string, number>();
  const intern = (depth: number, alive: number[], accepted: number[]) => {
    if (!alive.length && !accepted.length) return 0;
    const key = `${alive.length ? depth : -1}|${alive.join(',')}|${accepted.join(',')}`;
    let id = index.get(key);
    if (id === undefined) {
      id = states.length;
      index.set(key, id);
      states.push({ depth, alive, accepted });
    }
    return id;
  };
  const startAccepted = new Set<number>();
  const startAlive: number[] = [];
  paths.forEach((p, i) => {
    if (p.steps.length) startAlive.push(i);
    else startAccepted.add(p.type);
  });
  const root = intern(
    0,
    startAlive,
    [...startAccepted].sort((a, b) => a - b),
  );
  const trans: number[] = [];
  for (let s = 1; s < states.length; s++) {
    const { depth, alive, accepted } = states[s]!;
    for (let k = 0; k < classes; k++) {
      const next: number[] = [];
      const acc = new Set(accepted);
      for (const i of alive) {
        const steps = paths[i]!.steps;
        if (!steps[depth]!.has(k)) continue;
        if (depth + 1 === steps.length) acc.add(paths[i]!.type);
        else next.push(i);
      }
      trans[s * classes + k] = alive.length
        ? intern(
            depth + 1,
            next,
            [...acc].sort((a, b) => a - b),
          )
        : s;
    }
  }

  const reading = new Uint8Array(states.length);
  const bucket = new Uint16Array(states.length);
  const buckets: number[][] = [[]];
  const bucketIds = new Map<string, number>();
  states.forEach((st, s) => {
    reading[s] = st.alive.length ? 1 : 0;
    if (!st.accepted.length) return;
    const sig = st.accepted.join(',');
    let id = bucketIds.get(sig);
    if (id === undefined) {
      id = buckets.length;
      bucketIds.set(sig, id);
      buckets.push(st.accepted);
    }
    bucket[s] = id;
  });
  if (buckets.length > 0xffff) throw new Error('mention candidates: too many buckets');
  const nonWordStart = bucket[root] !== 0 || nonWord.some((k) => (trans[root * classes + k] ?? 0) !== 0);
  const allPrefixes = prefixes.flat();
  const exact = allPrefixes.every((p) => p.complete && p.chars.every((set) => set !== null));
  const maxLength = Math.max(0, ...allPrefixes.map((p) => p.chars.length));
  return {
    cls,
    classes,
    trans: Int32Array.from(trans, (v) => v ?? 0),
    reading,
    bucket,
    buckets,
    root,
    nonWordStart,
    exact,
    maxLength,
  };
}

/** The bucket the automaton ends in when started at `p` (0: no type can match there). */
export function bucketAt(a: CandidateAutomaton, text: string, p: number): number {
  const { cls, classes, trans, reading } = a;
  let s = a.root;
  for (let i = p; reading[s] === 1; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0;
    s = trans[s * classes + (c < 128 ? cls[c]! : 0)]!;
  }
  return a.bucket[s]!;
}
