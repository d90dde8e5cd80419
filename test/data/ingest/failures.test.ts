import { describe, expect, it, beforeAll } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { editText, goodDatabase, refusal, type Damage } from '../../helpers/damaged-package.js';

const edit = (dir: string, file: string, change: (text: string) => string) => editText(file, change)(dir);

describe('data/ingest/build (malformed input)', () => {
  let db: Awaited<ReturnType<typeof goodDatabase>>;
  beforeAll(async () => {
    db = await goodDatabase();
  });

  const cases: { name: string; damage: Damage; message: RegExp }[] = [
    {
      name: 'a missing file',
      damage: (d) => rmSync(path.join(d, 'Root_Causes.csv')),
      message: /^Root_Causes\.csv: file not found/,
    },
    {
      name: 'a wrong header',
      damage: (d) => edit(d, 'card_data_stats_months_created.csv', (t) => t.replace('has_card', 'with_card')),
      message:
        /^card_data_stats_months_created\.csv line 1, column #3: unexpected header: expected "", "month_year", "has_card", "count", "card_ratio"; got "", "month_year", "with_card", "count", "card_ratio"\. Restore the header line\.$/,
    },
    {
      name: 'a non-numeric count',
      damage: (d) => edit(d, 'Forums_Model_Mentions_Over_Time.csv', (t) => t.replace(/^(t5,20\.0,)19\.0/m, '$1abc')),
      message:
        /^Forums_Model_Mentions_Over_Time\.csv line 3, column 2020-08-01: expected a whole number written with "\.0", as this file writes every count \(such as 16\.0\); got "abc"\. Write a whole number such as 12\.0\.$/,
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
        /^All_Codes\.csv line 2, column Topic#: expected a forum topic id \(a number such as 639, digits only\); got "12x"\.$/,
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
        /^card_data_stats_months_created\.csv line 2, column has_card: has_card \(52\) is larger than count \(42\); expected at most count\. Restore both values\.$/,
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
      message: /^Codebook\.xlsx: not a readable \.xlsx workbook \(.+\); expected the package's Codebook\.xlsx\.$/,
    },
  ];

  for (const c of cases) {
    it(`reports ${c.name} with file, line and column, and leaves the database byte-identical`, async () => {
      expect((await refusal(db, c.damage)).message).toMatch(c.message);
    });
  }
});
