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

const isContinuation = (b: number) => (b & 0xc0) === 0x80;

/**
 * sentenceAround(decoded text, ...) for the match at bytes [start, end) of UTF-8 `bytes`, found
 * on the bytes and decoding only the sentence. The same walk, counted in UTF-16 code units: a
 * character of four bytes is two units, and where the 160-unit limit falls between them the old
 * walk stopped inside the pair, so the decoded sentence keeps just that half. Stops are ASCII,
 * so a byte compares as the character. Valid UTF-8 only: the database holds text written from
 * JS strings, always valid.
 */
export function sentenceAroundUtf8(bytes: Buffer, start: number, end: number): string {
  const n = bytes.length;
  let a = start;
  let units = 0;
  let halfFirst = false;
  while (a > 0 && !isStop(bytes[a - 1]!) && units < 160) {
    let lead = a - 1;
    while (lead > 0 && isContinuation(bytes[lead]!)) lead--;
    a = lead;
    if (bytes[lead]! < 0xf0) units++;
    else if (units + 1 === 160) {
      halfFirst = true;
      units++;
    } else units += 2;
  }
  let b = end;
  units = 0;
  for (let i = start; i < end; i++) if (!isContinuation(bytes[i]!)) units += bytes[i]! >= 0xf0 ? 2 : 1;
  let halfLast = false;
  while (b < n && !isStop(bytes[b]!) && units < 160) {
    const lead = bytes[b]!;
    b += lead < 0x80 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
    if (lead < 0xf0) units++;
    else if (units + 1 === 160) {
      halfLast = true;
      units++;
    } else units += 2;
  }
  if (!halfLast && b < n && isEnd(bytes[b]!)) b++;
  let sentence = bytes.toString('utf8', a, b);
  if (halfFirst) sentence = sentence.slice(1);
  if (halfLast) sentence = sentence.slice(0, -1);
  const before = halfFirst || (a > 0 && !isStop(bytes[a - 1]!)) ? '…' : '';
  const after = halfLast || (b < n && !isStop(bytes[b - 1]!)) ? '…' : '';
  return `${before}${sentence.trim()}${after}`;
}
