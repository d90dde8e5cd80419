import { describe, expect, it, beforeAll } from 'vitest';
import { cpSync, readFileSync, writeFileSync, rmSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { buildDataset } from '../../../src/data/ingest/build.js';
import { silentLogger } from '../../../src/logger.js';
import { HfbotError } from '../../../src/errors.js';
import { REPLICATION } from '../../helpers/paths.js';
import { tempDir } from '../../helpers/dataset.js';

/** A scratch copy of the package (in /tmp, never in the repo) that a test may damage. */
function scratchPackage(): string {
  const dir = path.join(tempDir(), 'pkg');
  cpSync(REPLICATION, dir, { recursive: true });
  return dir;
}

function edit(dir: string, file: string, change: (text: string) => string): void {
  const p = path.join(dir, file);
  writeFileSync(p, change(readFileSync(p, 'utf8')));
}

async function buildError(dir: string, dbFile: string): Promise<HfbotError> {
  const err = await buildDataset({ sourceDir: dir, sourceKind: 'flag', dbFile, logger: silentLogger }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(HfbotError);
  return err as HfbotError;
}

describe('data/ingest/build (malformed input)', () => {
  let dbFile: string;
  let before: Buffer;
  beforeAll(async () => {
    dbFile = path.join(tempDir(), 'hfbot.sqlite');
    await buildDataset({ sourceDir: REPLICATION, sourceKind: 'flag', dbFile, logger: silentLogger });
    before = readFileSync(dbFile);
  });

  const cases: { name: string; damage: (dir: string) => void; message: RegExp }[] = [
    {
      name: 'a missing file',
      damage: (d) => rmSync(path.join(d, 'Root_Causes.csv')),
      message: /^Root_Causes\.csv: file not found/,
    },
    {
      name: 'a wrong header',
      damage: (d) => edit(d, 'card_data_stats_months_created.csv', (t) => t.replace('has_card', 'with_card')),
      message:
        /^card_data_stats_months_created\.csv line 1, column #3: unexpected header: expected it to start with "", "month_year", "has_card", "count"; got/,
    },
    {
      name: 'a non-numeric count',
      damage: (d) => edit(d, 'Forums_Model_Mentions_Over_Time.csv', (t) => t.replace(/^(t5,20\.0,)19\.0/m, '$1abc')),
      message:
        /^Forums_Model_Mentions_Over_Time\.csv line 3, column 2020-08-01: expected a non-negative whole number \(or blank for 0\); got "abc"\.$/,
    },
    {
      name: 'an unknown month format',
      damage: (d) => edit(d, 'Hub_Model_Types_Over_Time_Created.csv', (t) => t.replace(',2018-11,', ',Nov 2018,')),
      message:
        /^Hub_Model_Types_Over_Time_Created\.csv line 1, column #3 \("Nov 2018"\): expected a month as YYYY-MM or YYYY-MM-01; got "Nov 2018"\.$/,
    },
    {
      name: 'a non-numeric topic id',
      damage: (d) => edit(d, 'All_Codes.csv', (t) => t.replace('\n1,120,Transformers,', '\n1,12x,Transformers,')),
      message:
        /^All_Codes\.csv line 2, column Topic#: expected a forum topic id \(a number such as 639\); got "12x"\.$/,
    },
    {
      name: 'an unknown taxonomy category',
      damage: (d) =>
        edit(d, 'Root_Causes.csv', (t) => t.replace('4503,,Training and Pipeline', '4503,,Training Pipes')),
      message:
        /^Root_Causes\.csv line 2, column Code Category: unknown taxonomy category "Training Pipes"; known: Model Usage and Understanding, /,
    },
    {
      name: 'more models with a card than models',
      damage: (d) =>
        edit(d, 'card_data_stats_months_created.csv', (t) => t.replace('1,2019-12,32,42,', '1,2019-12,52,42,')),
      message:
        /^card_data_stats_months_created\.csv line 2, column has_card: has_card \(52\) is larger than count \(42\)\.$/,
    },
    {
      name: 'a blank required cell',
      damage: (d) =>
        edit(d, 'All_Codes.csv', (t) =>
          t.replace('\n1,120,Transformers,"Folder structure for models, tokenizers, utils"', '\n1,120,Transformers,""'),
        ),
      message: /^All_Codes\.csv line 2, column Code: Code is empty; expected a value\.$/,
    },
    {
      name: 'an impossible month',
      damage: (d) => edit(d, 'card_data_stats_months_created.csv', (t) => t.replace('1,2019-12,', '1,2019-13,')),
      message:
        /^card_data_stats_months_created\.csv line 2, column month_year: expected a month as YYYY-MM or YYYY-MM-01; got "2019-13"\.$/,
    },
    {
      name: 'a file that is not an xlsx workbook',
      damage: (d) => writeFileSync(path.join(d, 'Codebook.xlsx'), 'not a zip'),
      message: /^Codebook\.xlsx: not a readable \.xlsx file/,
    },
  ];

  for (const c of cases) {
    it(`reports ${c.name} with file, line and column, and leaves the database byte-identical`, async () => {
      const dir = scratchPackage();
      c.damage(dir);
      const err = await buildError(dir, dbFile);
      expect(err.code).toBe('E_INGEST');
      expect(err.message).toMatch(c.message);
      expect(readFileSync(dbFile).equals(before)).toBe(true);
      // No temporary file is left behind.
      expect(readdirSync(path.dirname(dbFile)).filter((f) => f.includes('.tmp-'))).toEqual([]);
    });
  }
});
