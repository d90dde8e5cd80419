/**
 * Issue 14 item 2, the cases the issue lists: series truncated mid-row, header-only files, a
 * header-only card file (a TypeError without a file name before), and what the package pins.
 * Each runs the real ingest over a good database and checks the refusal word for word and the
 * database's SHA-256 (test/helpers/damaged-package.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CARDS,
  editBytes,
  editText,
  FORUM,
  goodDatabase,
  HUB,
  headerOnly,
  refusal,
} from '../../helpers/damaged-package.js';
import { REPLICATION } from '../../helpers/paths.js';
import { unzipSync, zipSync } from 'fflate';

let db: Awaited<ReturnType<typeof goodDatabase>>;
beforeAll(async () => {
  db = await goodDatabase();
});

const emptied = 'The file was emptied or cut after its header.';

describe('data/ingest (incomplete input is refused)', () => {
  it.each([
    [FORUM, 37],
    [HUB, 58],
  ])('%s truncated mid-row: names the short row, its first missing column and the cell count', async (file, width) => {
    const text = readFileSync(path.join(REPLICATION, file), 'utf8');
    const kept = text.slice(0, Math.floor(text.length * 0.6));
    // Independent of the reader: the last kept line is the short row; count its cells by hand.
    const line = kept.split('\n').length;
    const cells = kept.split('\n').at(-1)!.split(',').length;
    const missingColumn = text.split(/\r?\n/)[0]!.split(',')[cells];
    expect(cells).toBeLessThan(width);
    const err = await refusal(
      db,
      editText(file, () => kept),
    );
    expect(err.message).toBe(
      `${file} line ${line}, column ${missingColumn}: the row has ${cells} cells; expected ${width}, like the header. It is cut short: was the file truncated? Restore the missing cells.`,
    );
  });

  it('a series cut at a row boundary: fewer model types than the paper counts', async () => {
    const err = await refusal(
      db,
      editText(FORUM, (t) => `${t.split('\n').slice(0, 100).join('\n')}\n`),
    );
    expect(err.message).toBe(
      `${FORUM} line 101, column #1: 99 model types; expected 147 (Section IV-B2 of the paper finds 147 model types on the forum). Rows or values are missing.`,
    );
  });

  it.each([
    [
      'Root_Causes.csv',
      'accepted_coded',
      'no root causes after the header; expected 72 (Table II analyses 72 root causes).',
    ],
    [
      'All_Codes.csv',
      'Code',
      "no codes after the header; expected at least 1,183 (the package's All_Codes.csv holds 1,183 low-level codes).",
    ],
    [
      'Challenges.csv',
      'Category',
      "no codebook rows after the header; expected at least 47 (the paper's 47 challenge subcategories, one row each).",
    ],
    [
      'Benefits.csv',
      'Category',
      "no codebook rows after the header; expected at least 22 (the package's Benefits.csv has 22 rows).",
    ],
    [
      FORUM,
      '#1',
      'no model types after the header; expected 147 (Section IV-B2 of the paper finds 147 model types on the forum).',
    ],
    [
      HUB,
      '#1',
      'no model types after the header; expected 171 (Section IV-B3 of the paper counts 171 valid model types on the Hub).',
    ],
    [
      CARDS,
      'month_year',
      "no months after the header; expected at least 42 (the package's card file has 42 months, 2019-12..2023-05).",
    ],
  ])('header-only %s is refused at line 2, column %s', async (file, column, problem) => {
    const err = await refusal(db, headerOnly(file));
    expect(err.message).toBe(`${file} line 2, column ${column}: ${problem} ${emptied}`);
  });

  it('a header-only card file without a final line end (as the package writes it) names the file too', async () => {
    const err = await refusal(
      db,
      editText(CARDS, (t) => t.split('\r\n')[0]!),
    );
    expect(err.message).toMatch(/^card_data_stats_months_created\.csv line 2, column month_year: no months after/);
  });

  it('an empty file is refused, not read as no rows', async () => {
    const err = await refusal(
      db,
      editText('Root_Causes.csv', () => ''),
    );
    expect(err.message).toBe(
      'Root_Causes.csv line 1, column #1: the file is empty; expected a header line and data rows.',
    );
  });

  it('Root_Causes.csv with 71 of its 72 rows is refused (exact: Table II)', async () => {
    const err = await refusal(
      db,
      editText('Root_Causes.csv', (t) => t.split('\r\n').slice(0, 72).join('\r\n')),
    );
    expect(err.message).toBe(
      'Root_Causes.csv line 73, column accepted_coded: 71 root causes; expected 72 (Table II analyses 72 root causes). Rows or values are missing.',
    );
  });

  it('a root-cause topic that is not a coded topic is refused (cross-file)', async () => {
    const err = await refusal(
      db,
      editText('Root_Causes.csv', (t) => t.replace('\n4503,,Training and Pipeline', '\n999999,,Training and Pipeline')),
    );
    expect(err.message).toBe(
      'Root_Causes.csv line 2, column accepted_coded: topic 999999 has a root cause but no codes in All_Codes.csv; expected every root-cause topic to be a coded topic. Fix the topic id.',
    );
  });

  it('a Hub row renamed so the two series share 144 model types is refused, naming both sides', async () => {
    const err = await refusal(
      db,
      editText(HUB, (t) => t.replace(/^bert,/m, 'bert2,')),
    );
    expect(err.message).toMatch(
      /^Hub_Model_Types_Over_Time_Created\.csv line 2, column #1: the forum and Hub files share 144 model types; expected at least 145 \(the package's forum and Hub files share 145 model types\)\. Only on the forum: bert, maskformer-swin, qdqbert; only on the Hub: bert2, /,
    );
  });

  it("Table I's total is exact: a consistent Overview sheet totalling 736 challenge codes is refused", async () => {
    // Lower C1 from 106 to 105 and the total row from 737 to 736: the sheet adds up, but it is no longer Table I.
    const err = await refusal(
      db,
      editBytes('Codebook.xlsx', (b) => {
        const zip = unzipSync(new Uint8Array(b));
        const sheet = new TextDecoder().decode(zip['xl/worksheets/sheet3.xml']);
        const changed = sheet.replace('<v>106</v>', '<v>105</v>').replace('<v>737</v>', '<v>736</v>');
        expect(changed).not.toBe(sheet);
        zip['xl/worksheets/sheet3.xml'] = new TextEncoder().encode(changed);
        return Buffer.from(zipSync(zip));
      }),
    );
    expect(err.message).toBe(
      'Codebook.xlsx [Overview] line 18, column B: 736 challenge codes; expected 737 (the challenge counts of Table I add up to 737). Rows or values are missing.',
    );
  });
});
