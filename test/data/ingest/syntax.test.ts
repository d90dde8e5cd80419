/**
 * What an adversarial tester does to a CSV file: other encodings, BOM, line ends, stray quotes,
 * extra or missing cells, repeated headers, blank lines, duplicated or misplaced months and
 * model types. Harmless variants (BOM, CRLF, mixed line ends) build the same rows; the rest is
 * refused at the file, line and column where it happens, leaving the database byte-identical.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { buildDataset } from '../../../src/data/ingest/build.js';
import { openDatabase } from '../../../src/data/db.js';
import { silentLogger } from '../../../src/logger.js';
import {
  damagedPackage,
  editBytes,
  editText,
  FORUM,
  goodDatabase,
  HUB,
  insertLine,
  refusal,
} from '../../helpers/damaged-package.js';
import { tempDir } from '../../helpers/dataset.js';

let db: Awaited<ReturnType<typeof goodDatabase>>;
beforeAll(async () => {
  db = await goodDatabase();
});

const RC = 'Root_Causes.csv';
// Root_Causes.csv line 2: "4503,,Training and Pipeline,...,Lack of theoretical Knowlege by user" (CRLF file).
const CAUSE = 'Lack of theoretical Knowlege by user';

async function rowsOf(damage: (dir: string) => void): Promise<Record<string, number>> {
  const dbFile = path.join(tempDir(), 'hfbot.sqlite');
  await buildDataset({ sourceDir: damagedPackage(damage), sourceKind: 'flag', dbFile, logger: silentLogger });
  const d = openDatabase(dbFile, { readonly: true });
  const n = (sql: string) => (d.prepare(sql).get() as { n: number }).n;
  const out = {
    rootCauses: n('SELECT count(*) n FROM root_causes'),
    mentionRows: n('SELECT count(*) n FROM forum_mentions'),
    mentions: n('SELECT sum(mentions) n FROM forum_mentions'),
    causeText: n(`SELECT count(*) n FROM root_causes WHERE root_cause = '${CAUSE}'`),
  };
  d.close();
  return out;
}

describe('data/ingest (encoding and CSV syntax)', () => {
  it('reads a UTF-8 BOM, CRLF instead of LF, and mixed line ends as the same data', async () => {
    const expected = { rootCauses: 72, mentionRows: 1326, mentions: 7620, causeText: 2 };
    expect(await rowsOf(() => {})).toEqual(expected);
    expect(await rowsOf(editBytes(RC, (b) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b])))).toEqual(expected);
    expect(await rowsOf(editText(FORUM, (t) => t.replace(/\n/g, '\r\n')))).toEqual(expected);
    expect(await rowsOf(editText(FORUM, (t) => t.replace(/\n(?=t5,)/, '\r\n')))).toEqual(expected);
  });

  it.each([
    [
      'UTF-16 (as a spreadsheet "Unicode text" save)',
      editBytes(RC, (b) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(b.toString('utf8'), 'utf16le')])),
      'Root_Causes.csv line 1, column #1: the file is UTF-16; expected UTF-8. Save it again as "CSV UTF-8".',
    ],
    [
      'a Windows-1252 byte (é = 0xE9)',
      editBytes(RC, (b) => {
        const at = b.indexOf(CAUSE);
        return Buffer.concat([b.subarray(0, at + 10), Buffer.from([0xe9]), b.subarray(at + 11)]);
      }),
      'Root_Causes.csv line 2, column Root Cause: byte 0xE9 is not valid UTF-8; expected UTF-8 text. The file was probably saved as Windows-1252 or Latin-1: convert it (iconv -f windows-1252 -t utf-8) or save it again as "CSV UTF-8".',
    ],
    [
      'a NUL byte',
      editText(RC, (t) => t.replace(CAUSE, 'Lack of \u0000')),
      'Root_Causes.csv line 2, column Root Cause: a NUL byte; expected text. The file is binary or UTF-16 without a byte order mark: save it again as UTF-8.',
    ],
    [
      'a stray quote inside a value',
      editText(RC, (t) => t.replace(CAUSE, 'Lack of "theoretical')),
      'Root_Causes.csv line 2, column Root Cause: a stray double quote (inside an unquoted value, after "Lack of "); expected a value wholly inside quotes with inner quotes doubled. Write "" for a quote inside a value, or quote the whole value.',
    ],
    [
      'a quote that opens a value and is closed rows later',
      editText(RC, (t) => t.replace('\n4503,,Training and Pipeline', '\n4503,,"Training and Pipeline')),
      'Root_Causes.csv line 2, column Code Category: a quoted value opens in this row and runs on to line 13, where its closing quote is followed by more text: an unclosed or stray quote. Close the quote in this row, or write "" for a quote inside a value.',
    ],
    [
      'a quote never closed',
      editText(RC, (t) => `${t}\r\n4503,,"Training`),
      'Root_Causes.csv line 74, column Code Category: a quoted value opens here and is never closed, so the rest of the file would be one value. Close the quote, or write "" for a quote inside a value.',
    ],
    [
      'a second copy of the header',
      insertLine(
        RC,
        11,
        'accepted_coded,Coder,Code Category,Code Subcategory,Discourse Category,Question Code,Answer Code,Root Cause',
      ),
      'Root_Causes.csv line 11, column accepted_coded: the header again; expected data. Was a second copy of the file pasted in? Delete the repeated part.',
    ],
    [
      'an extra column in one row',
      editText(FORUM, (t) => t.replace(/^(t5,.*)$/m, '$1,3.0')),
      `${FORUM} line 3, column #38: the row has 38 cells; expected 37, like the header. A value with an unquoted comma? Quote it, or remove the extra cells.`,
    ],
    [
      'an empty line inside the data',
      insertLine(RC, 11, ''),
      'Root_Causes.csv line 11, column #1: an empty line inside the data; expected a row of 8 cells. Delete the empty line.',
    ],
    [
      'a row of blank cells',
      insertLine(RC, 11, ',,,,,,,'),
      'Root_Causes.csv line 11, column accepted_coded: every cell of the row is blank; expected data. Delete the row, or fill it in.',
    ],
    [
      'a duplicated month column',
      editText(FORUM, (t) => t.replace(',2020-08-01,', ',2020-07-01,')),
      `${FORUM} line 1, column #3 ("2020-07-01"): "2020-07-01" repeats the month of column #2 ("2020-07-01"); expected each month once. Delete one of them.`,
    ],
    [
      'months out of order',
      editText(HUB, (t) => t.replace(',2019-01,2019-02,', ',2019-02,2019-01,')),
      `${HUB} line 1, column #5 ("2019-01"): 2019-01 comes after 2019-02; expected months in ascending order. Put the columns in calendar order.`,
    ],
    [
      'a month missing from a file that lists every month',
      // The 2020-08 column is deleted from every row.
      editText(FORUM, (t) =>
        t
          .split('\n')
          .map((l) => (l ? l.split(',').filter((_, i) => i !== 2) : [l]).join(','))
          .join('\n'),
      ),
      `${FORUM} line 1, column #3 ("2020-09-01"): 2020-09 follows a gap; expected 2020-08 next (this file has every month). Restore the missing month.`,
    ],
    [
      'a month before the forum existed',
      editText(FORUM, (t) => t.replace(',2020-07-01,', ',2020-06-01,')),
      `${FORUM} line 1, column #2 ("2020-06-01"): 2020-06 is before 2020-07 (the forum opened in July 2020); expected 2020-07..2023-06. Fix the month.`,
    ],
    [
      'a month after the data were mined',
      editText(HUB, (t) => t.replace(',2023-06,sum', ',2023-07,sum')),
      `${HUB} line 1, column #55 ("2023-07"): 2023-07 is after 2023-06 (the data were mined on 26 June 2023); expected up to 2023-06. Fix the month.`,
    ],
    [
      'a duplicated model type',
      editText(HUB, (t) => t.replace(/^distilbert,/m, 'bert,')),
      `${HUB} line 4, column #1: a second row for "bert" (the first is on line 2); expected one. Delete the duplicate.`,
    ],
    [
      'a model type with a trailing space',
      editText(FORUM, (t) => t.replace('\nt5,', '\nt5 ,')),
      `${FORUM} line 3, column #1: expected a model type name (lower-case letters, digits, - or _, such as xlm-roberta); got "t5 ". `.trim(),
    ],
    [
      'a Root_Causes.csv row given twice',
      editText(RC, (t) => {
        const lines = t.split('\r\n');
        lines.splice(5, 0, lines[1]!);
        return lines.join('\r\n');
      }),
      'Root_Causes.csv line 6, column accepted_coded: a second row for "T4503" (the first is on line 2); expected one. Delete the duplicate.',
    ],
    [
      'a codebook category numbered out of turn',
      editText('Challenges.csv', (t) => t.replace('\n2,Training Pipeline,', '\n3,Training Pipeline,')),
      'Challenges.csv line 9, column #: the # cell is "3"; expected 2 (categories are numbered 1, 2, ... on their first row, blank below).',
    ],
    [
      'a pasted copy of a topic block in All_Codes.csv',
      editText('All_Codes.csv', (t) => `${t}1,120,Transformers,Sample notebooks for a task,,,,,,\r\n`),
      "All_Codes.csv line 1191, column Topic#: topic 120 starts again here after other topics (its rows begin on line 2); expected each topic's codes together. A pasted duplicate? Remove it.",
    ],
  ])('refuses %s', async (_name, damage, message) => {
    expect((await refusal(db, damage)).message).toBe(message);
  });
});
