import { describe, expect, it } from 'vitest';
import { levelShares, PAPER_PERCENT, percent2, tableOneShares } from '../../src/analysis/table-one.js';

// Table I of the paper: counts in Table I order.
const CHALLENGES = [106, 88, 80, 67, 60, 56, 51, 51, 46, 31, 28, 26, 16, 9, 9, 7, 6];
const BENEFITS = [262, 141, 76, 15, 12, 8];

describe('analysis/table-one', () => {
  it('half-up rounding to two decimals reproduces every challenge percentage of Table I', () => {
    const rows = CHALLENGES.map((count, i) => ({ code: `C${i + 1}`, category: `c${i + 1}`, count }));
    const { total, rows: shares } = tableOneShares(rows);
    expect(total).toBe(737);
    for (const r of shares) expect(r.percent, r.code).toBe(PAPER_PERCENT[r.code]);
    expect(shares[0]).toMatchObject({ code: 'C1', percent: 14.38 });
    // Ties (C7 and C8, both 51) keep Table I order.
    expect(shares.slice(6, 8).map((r) => r.code)).toEqual(['C7', 'C8']);
  });

  it('benefits: B1 and B3 are printed 0.01 off the rule; the others match', () => {
    const rows = BENEFITS.map((count, i) => ({ code: `B${i + 1}`, category: `b${i + 1}`, count }));
    const { total, rows: shares } = tableOneShares(rows);
    expect(total).toBe(514);
    const byCode = Object.fromEntries(shares.map((r) => [r.code, r]));
    expect(byCode.B1!.percent).toBe(50.97);
    expect(byCode.B1!.paperPercent).toBe(50.98);
    expect(byCode.B3!.percent).toBe(14.79);
    expect(byCode.B3!.paperPercent).toBe(14.78);
    for (const c of ['B2', 'B4', 'B5', 'B6']) expect(byCode[c]!.percent).toBe(PAPER_PERCENT[c]);
  });

  it('top cuts after sorting', () => {
    const rows = [
      { code: 'C2', category: 'b', count: 1 },
      { code: 'C1', category: 'a', count: 5 },
    ];
    expect(tableOneShares(rows, 1).rows.map((r) => r.code)).toEqual(['C1']);
    expect(percent2(1, 0)).toBe(0);
  });

  it('level shares are of topics, with Wilson bounds (3 of 18: 5.84%..39.22%, Python check)', () => {
    const rows = [
      { code: 'C1', category: 'a', count: 3 },
      { code: 'C2', category: 'b', count: 0 },
    ];
    const out = levelShares(rows, 18);
    expect(out).toEqual([{ code: 'C1', category: 'a', count: 3, percent: 16.67, lower: 5.84, upper: 39.22 }]);
    expect(levelShares(rows, 0)).toEqual([]);
  });
});
