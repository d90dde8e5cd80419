/**
 * Bytes -> text for the package's CSV files. UTF-8 only: a file re-saved as Windows-1252 or
 * UTF-16 by a spreadsheet is refused where it breaks (line and column), not read as mojibake.
 * A UTF-8 BOM (what Excel's "CSV UTF-8" writes) is dropped, and CRLF, LF and lone CR line ends
 * are all read as LF: the package itself mixes them (All_Codes.csv is CRLF with LF inside
 * quoted cells), and no line end is data.
 */
import { isUtf8 } from 'node:buffer';
import { msg } from '../../messages/index.js';
import { ingestError } from './errors.js';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export function decodeCsvText(name: string, bytes: Buffer): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)))
    throw ingestError({ file: name, line: 1, column: '#1' }, msg.ingest.utf16);
  const body = bytes.subarray(0, 3).equals(BOM) ? bytes.subarray(3) : bytes;
  if (!isUtf8(body)) {
    const at = firstInvalidByte(body);
    const before = body.subarray(0, at).toString('utf8');
    const { line, column } = position(before);
    throw ingestError(
      { file: name, line, column: columnName(body, column) },
      msg.ingest.notUtf8(`0x${body[at]!.toString(16).toUpperCase().padStart(2, '0')}`),
    );
  }
  const raw = body.toString('utf8');
  const nul = raw.indexOf('\u0000');
  if (nul >= 0) {
    const { line, column } = position(raw.slice(0, nul));
    throw ingestError({ file: name, line, column: columnName(body, column) }, msg.ingest.nulByte);
  }
  return lf(raw);
}

const lf = (s: string) => s.replace(/\r\n?/g, '\n');

/**
 * Offset of the first byte of the first invalid UTF-8 sequence. A streaming decoder accepts a
 * prefix that ends inside a character, so "prefix decodes" is monotone and a binary search finds
 * the longest one; if it ends in an unfinished character, that character's lead byte is the culprit.
 */
function firstInvalidByte(bytes: Buffer): number {
  const ok = (n: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ok(mid)) lo = mid;
    else hi = mid - 1;
  }
  let lead = lo - 1;
  while (lead >= 0 && lo - lead < 4 && (bytes[lead]! & 0xc0) === 0x80) lead--;
  const length = lead < 0 ? 0 : bytes[lead]! >= 0xf0 ? 4 : bytes[lead]! >= 0xe0 ? 3 : bytes[lead]! >= 0xc0 ? 2 : 1;
  return lead >= 0 && lead + length > lo ? lead : lo;
}

/** 1-based line and 0-based field index at the end of `before`, honouring quoted fields. */
function position(raw: string): { line: number; column: number } {
  const before = lf(raw);
  let line = 1;
  let column = 0;
  let quoted = false;
  for (let i = 0; i < before.length; i++) {
    const c = before[i];
    if (c === '\n') line++;
    // A doubled quote toggles twice, so parity alone tells whether we are inside quotes.
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === ',') column++;
    else if (!quoted && c === '\n') column = 0;
  }
  return { line, column };
}

/** The header's name for field `i` (decoded leniently: the header may hold the bad byte). */
function columnName(bytes: Buffer, i: number): string {
  const text = lf(bytes.toString('utf8'));
  const end = text.indexOf('\n');
  const name = (text.slice(0, end < 0 ? undefined : end).split(',')[i] ?? '').trim().replace(/^"|"$/g, '');
  return name || `#${i + 1}`;
}
