import { describe, expect, it } from 'vitest';
import { categoryByPeriod, independenceTest, periodOf } from '../../src/analysis/over-time.js';

const cats = [
  { code: 'C1', category: 'Model usage' },
  { code: 'C2', category: 'Training' },
  { code: 'C3', category: 'Memory' },
];

describe('analysis/over-time', () => {
  it('names quarters and years', () => {
    expect(periodOf('2021-03-31T23:59:59Z', 'quarter')).toBe('2021-Q1');
    expect(periodOf('2021-04-01T00:00:00Z', 'quarter')).toBe('2021-Q2');
    expect(periodOf('2022-12', 'quarter')).toBe('2022-Q4');
    expect(periodOf('2022-12-01', 'year')).toBe('2022');
  });

  it('counts each (topic, category) in its period, keeps empty periods between, shares per period', () => {
    const t = categoryByPeriod(
      [
        { code: 'C1', createdAt: '2020-08-01' },
        { code: 'C2', createdAt: '2020-09-01' },
        { code: 'C1', createdAt: '2021-02-01' },
        { code: 'X9', createdAt: '2021-02-01' },
      ],
      cats,
      'quarter',
    );
    expect(t.periods).toEqual([
      { period: '2020-Q3', n: 2 },
      { period: '2020-Q4', n: 0 },
      { period: '2021-Q1', n: 1 },
    ]);
    expect(t.rows.map((r) => [r.code, r.counts, r.total])).toEqual([
      ['C1', [1, 0, 1], 2],
      ['C2', [1, 0, 0], 1],
      ['C3', [0, 0, 0], 0],
    ]);
    expect(t.rows[0]!.shares).toEqual([0.5, 0, 1]);
  });

  it('runs no test on one period or one category, and drops empty rows and columns otherwise', () => {
    const one = categoryByPeriod(
      [
        { code: 'C1', createdAt: '2020-08-01' },
        { code: 'C2', createdAt: '2020-08-02' },
      ],
      cats,
      'year',
    );
    expect(independenceTest(one, { seed: 's' })).toEqual({
      chiSquare: null,
      monteCarlo: null,
      untestable: 'one-period',
    });
    const oneCat = categoryByPeriod(
      [
        { code: 'C1', createdAt: '2020-08-01' },
        { code: 'C1', createdAt: '2021-08-01' },
      ],
      cats,
      'year',
    );
    expect(independenceTest(oneCat, { seed: 's' }).untestable).toBe('one-category');
    const gap = categoryByPeriod(
      [
        { code: 'C1', createdAt: '2020-08-01' },
        { code: 'C2', createdAt: '2022-08-01' },
      ],
      cats,
      'year',
    );
    // 2021 is an empty column and C3 an empty row: a 2 x 2 table remains, df = 1.
    const r = independenceTest(gap, { seed: 's', replicates: 50 });
    expect(r.chiSquare?.df).toBe(1);
    expect(r.monteCarlo?.replicates).toBe(50);
  });
});
