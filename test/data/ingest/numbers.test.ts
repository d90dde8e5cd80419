/**
 * Counts are decimal digits exactly as each file writes them; anything JavaScript's Number()
 * would also accept (0x10, 1e3, " 16", +16, 16.0 where the file writes 16, a blank) is refused
 * with a fix, and the Hub file's own sums catch a blanked or changed count.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CARDS, editText, FORUM, goodDatabase, HUB, refusal } from '../../helpers/damaged-package.js';

let db: Awaited<ReturnType<typeof goodDatabase>>;
beforeAll(async () => {
  db = await goodDatabase();
});

const INT = 'expected a whole number in decimal digits (such as 16)';
const INT_OR_BLANK = `${INT}, or blank for 0 as this file writes zero`;
const FLOAT = 'expected a whole number written with ".0", as this file writes every count (such as 16.0)';
// card file line 2 is "1,2019-12,32,42,0.7619047619": has_card 32 of count 42.
const cardCount = (raw: string) =>
  editText(CARDS, (t) => t.replace('\r\n1,2019-12,32,42,', `\r\n1,2019-12,32,${raw},`));

describe('data/ingest (counts are decimal digits only)', () => {
  it.each([
    ['0x10', 'If you meant 16, write exactly 16.'],
    ['1e3', 'If you meant 1000, write exactly 1000.'],
    [' 42', 'If you meant 42, write exactly 42.'],
    ['42 ', 'If you meant 42, write exactly 42.'],
    ['+42', 'If you meant 42, write exactly 42.'],
    ['42.0', 'If you meant 42, write exactly 42.'],
    ['042', 'If you meant 42, write exactly 42.'],
    ['-42', 'Counts cannot be negative: restore the value.'],
    ['', 'A blank is not a count here: write 0 if the value is zero, or restore the value.'],
    ['4 2', 'Write a whole number such as 12.'],
    ['42.5', 'Write a whole number such as 12.'],
    ['99999999999999999999', 'Write a whole number such as 12.'],
  ])('card count %j is refused: %s', async (raw, fix) => {
    const err = await refusal(db, cardCount(raw));
    expect(err.message).toBe(
      `card_data_stats_months_created.csv line 2, column count: ${INT}; got ${JSON.stringify(raw)}. ${fix}`,
    );
  });

  it('0x10 in the Hub matrix (integers, blank for zero) is refused, not read as 16', async () => {
    // Hub line 2: "bert,1,8,..." -> bert's 2017-09 count becomes 0x10.
    const err = await refusal(
      db,
      editText(HUB, (t) => t.replace('\nbert,1,8,', '\nbert,0x10,8,')),
    );
    expect(err.message).toBe(
      `${HUB} line 2, column 2017-09: ${INT_OR_BLANK}; got "0x10". If you meant 16, write exactly 16.`,
    );
  });

  it.each([
    ['0x10', 'If you meant 16.0, write exactly 16.0.'],
    ['19', 'If you meant 19.0, write exactly 19.0.'],
    ['19.5', 'Write a whole number such as 12.0.'],
    ['-19.0', 'Counts cannot be negative: restore the value.'],
    ['', 'A blank is not a count here: write 0 if the value is zero, or restore the value.'],
  ])('forum count %j (the file writes 19.0) is refused: %s', async (raw, fix) => {
    // Forum line 3 is "t5,20.0,19.0,...": t5's 2020-08 count.
    const err = await refusal(
      db,
      editText(FORUM, (t) => t.replace('\nt5,20.0,19.0,', `\nt5,20.0,${raw},`)),
    );
    expect(err.message).toBe(`${FORUM} line 3, column 2020-08-01: ${FLOAT}; got ${JSON.stringify(raw)}. ${fix}`);
  });

  it('a blanked Hub count (blank is zero there) is caught by the row sum', async () => {
    // bert: 2017-09 = 1, 2018-11 = 8, sum 23,651 -> blanking the 8 leaves 23,643.
    const err = await refusal(
      db,
      editText(HUB, (t) => t.replace('\nbert,1,8,', '\nbert,1,,')),
    );
    expect(err.message).toBe(
      `${HUB} line 2, column sum: the months of this row add up to 23,643, but this cell says 23,651; a count is missing or wrong. Restore the row.`,
    );
  });

  it('a changed month total in the Hub SUM row is refused at that cell', async () => {
    const err = await refusal(
      db,
      editText(HUB, (t) => t.replace('\nSUM,1,8,', '\nSUM,1,9,')),
    );
    expect(err.message).toBe(
      `${HUB} line 174, column 2018-11: the 2018-11 counts add up to 8, but this cell says 9; a count is missing or wrong. Restore the row.`,
    );
  });

  it('a changed card count is caught by its own card_ratio', async () => {
    // 32 / 43 = 0.7441860465 (10 significant digits), while the row says 0.7619047619 = 32 / 42.
    const err = await refusal(db, cardCount('43'));
    expect(err.message).toBe(
      `${CARDS} line 2, column card_ratio: card_ratio is 0.7619047619 but the counts give 0.7441860465; a count on this row is wrong. Restore the row.`,
    );
  });

  it('a negative has_card is refused', async () => {
    const err = await refusal(
      db,
      editText(CARDS, (t) => t.replace('\r\n1,2019-12,32,', '\r\n1,2019-12,-32,')),
    );
    expect(err.message).toBe(
      `${CARDS} line 2, column has_card: ${INT}; got "-32". Counts cannot be negative: restore the value.`,
    );
  });
});
