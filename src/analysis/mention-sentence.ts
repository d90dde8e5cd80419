/**
 * The sentence a person reads in /verify to judge a match: the sentence (or line) around it, at
 * most ~160 characters each side, with "…" where it was cut. Works on a string, or on UTF-8
 * bytes by decoding only a window that provably gives the same answer.
 */

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

/**
 * A string that shares no memory with its source. V8 makes a substring of 13 or more characters
 * a view into the parent; concatenating and slicing forces a flat copy of just these characters.
 */
export function copyString(s: string): string {
  return s.length < 13 ? s : ` ${s}`.slice(1);
}

/** Bytes within which sentenceAround looks: it reads 161 UTF-16 code units each side, and one takes at most 3 bytes. */
const REACH = 3 * 170;
const isContinuation = (b: number) => (b & 0xc0) === 0x80;

/** UTF-16 code units of the UTF-8 bytes [from, to). */
function utf16Length(bytes: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const b = bytes[i]!;
    if (!isContinuation(b)) n += b >= 0xf0 ? 2 : 1;
  }
  return n;
}

/**
 * sentenceAround(decoded text, ...) for the match at bytes [start, end) of UTF-8 `bytes`,
 * decoding only a window: from the stop character before (or REACH bytes back, or the text's
 * start) to the stop character after (or REACH bytes on, or the end), both stops included.
 * sentenceAround reads nothing outside it, and its edge tests (a > 0, b < length) come out as on
 * the whole text: a stop character, or more than 161 characters, stands between them and the
 * match. Valid UTF-8 only (the database stores text written from JS strings, always valid).
 */
export function sentenceAroundUtf8(bytes: Buffer, start: number, end: number): string {
  const n = bytes.length;
  const lo = Math.max(0, start - REACH);
  let from = start;
  while (from > lo && !isStop(bytes[from - 1]!)) from--;
  if (from > lo) from--;
  else while (from > 0 && from < start && isContinuation(bytes[from]!)) from++;
  const hi = Math.min(n, end + REACH);
  let to = end;
  while (to < hi && !isStop(bytes[to]!)) to++;
  if (to < hi) to++;
  else while (to < n && isContinuation(bytes[to]!)) to++;
  const window = bytes.toString('utf8', from, to);
  return sentenceAround(window, utf16Length(bytes, from, start), utf16Length(bytes, start, end));
}
