import { describe, expect, it } from 'vitest';
import { decodeCsvText } from '../../../src/data/ingest/text.js';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
const refusal = (b: Buffer) => {
  try {
    decodeCsvText('x.csv', b);
  } catch (err) {
    return (err as Error).message.replace(/ is not valid UTF-8.*$/, '');
  }
  return 'accepted';
};

describe('data/ingest/text', () => {
  // Invalid sequences from the Unicode Standard's UTF-8 table (section 3.9, Table 3-7): the lead
  // byte of an ill-formed or unfinished sequence is the byte reported.
  it.each([
    ['an overlong encoding', [0xc0, 0x80], '0xC0'],
    ['a lone continuation byte', [0x80], '0x80'],
    ['a UTF-16 surrogate encoded in UTF-8', [0xed, 0xa0, 0x80], '0xED'],
    ['a Windows-1252 e-acute before ASCII', [0xe9, 0x6f], '0xE9'],
    ['a 4-byte sequence cut off at the end of the file', [0xf0, 0x9f, 0x98], '0xF0'],
  ])('reports %s by its first byte, line and column', (_name, bad, byte) => {
    expect(refusal(bytes('a,b\n1,x', bad))).toBe(`x.csv line 2, column b: byte ${byte}`);
  });

  it('counts lines after quoted line breaks and CR-only line ends, and names the column the bad byte is in', () => {
    expect(refusal(bytes('a,b,c\n"x\ny",', [0xe9], ',z'))).toBe('x.csv line 3, column b: byte 0xE9');
    expect(refusal(bytes('a,b\r1,2\r3,', [0xe9]))).toBe('x.csv line 3, column b: byte 0xE9');
    expect(refusal(bytes(',Topic#\n1,', [0xe9]))).toBe('x.csv line 2, column Topic#: byte 0xE9');
    expect(refusal(bytes(',b\n', [0xe9], ',1'))).toBe('x.csv line 2, column #1: byte 0xE9');
  });

  it('accepts UTF-8 text with multi-byte characters, drops a BOM and reads every line end as LF', () => {
    expect(decodeCsvText('x.csv', bytes([0xef, 0xbb, 0xbf], 'a,b\r\n\u201cq\u201d,\ud83e\udd17\r3,4\n'))).toBe(
      'a,b\n\u201cq\u201d,\ud83e\udd17\n3,4\n',
    );
  });
});
