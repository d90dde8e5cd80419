import { describe, expect, it } from 'vitest';
import {
  chartRows,
  compareReadings,
  isLowCount,
  LOW_COUNT,
  readTrends,
  sortTrends,
  type TestedTrend,
} from '../../src/analysis/trend-readings.js';

const t = (model: string, rho: number, p: number, extra: Partial<TestedTrend> = {}): TestedTrend => ({
  model,
  rho,
  p,
  n: 35,
  from: '2020-07',
  forumMentions: 100,
  hubUploads: 100,
  forumMonths: 30,
  hubMonths: 30,
  ...extra,
});

// Five tests, BH by hand: sorted p = .001 .008 .02 .04 .5 and p*m/k = .005 .02 .0333 .05 .5, already
// increasing, so those are the q-values. d sits exactly at q = .05: the answer's reading is strict
// ("q < 0.05"), so d counts as p < 0.05 only.
const FIVE = [t('a', 0.9, 0.001), t('b', -0.8, 0.008), t('c', 0.3, 0.02), t('d', -0.95, 0.04), t('e', 0.1, 0.5)];

describe('analysis/trend-readings', () => {
  it('reads each test at p < 0.05 and at BH q < 0.05', () => {
    const r = readTrends(FIVE);
    expect(r.map((x) => x.reading)).toEqual(['q', 'q', 'q', 'p', 'none']);
    expect(r[3]!.q).toBeCloseTo(0.05, 12);
    expect(r[2]!.q).toBeCloseTo(0.1 / 3, 12);
  });

  it('puts significance first, then |rho|, and keeps every other order valid', () => {
    const r = readTrends(FIVE);
    expect(sortTrends(r, 'significance').map((x) => x.model)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(sortTrends(r, 'rho').map((x) => x.model)).toEqual(['d', 'b', 'e', 'c', 'a']);
    expect(sortTrends(r, 'p').map((x) => x.model)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(sortTrends(r, 'name').map((x) => x.model)).toEqual(['a', 'b', 'c', 'd', 'e']);
    const withN = readTrends([
      t('x', 0.1, 0.5, { n: 8 }),
      t('y', 0.1, 0.5, { n: 35, forumMentions: 3 }),
      t('z', 0.1, 0.5),
    ]);
    expect(sortTrends(withN, 'n').map((x) => x.model)).toEqual(['z', 'y', 'x']);
    // Ties in q fall back to p, then name.
    const tied = readTrends([t('m', 0.5, 0.9), t('k', 0.5, 0.8)]);
    expect(sortTrends(tied, 'q').map((x) => x.model)).toEqual(['k', 'm']);
  });

  it('flags low counts at the thresholds, not one below them', () => {
    const { minMentions: m, minNonZeroMonths: k } = LOW_COUNT;
    expect([m, k]).toEqual([10, 6]);
    expect(isLowCount({ forumMentions: m, forumMonths: k, hubMonths: k })).toBe(false);
    expect(isLowCount({ forumMentions: m - 1, forumMonths: 30, hubMonths: 30 })).toBe(true);
    expect(isLowCount({ forumMentions: 500, forumMonths: k - 1, hubMonths: 30 })).toBe(true);
    expect(isLowCount({ forumMentions: 500, forumMonths: 30, hubMonths: k - 1 })).toBe(true);
  });

  it('charts the headline rows, low counts apart and capped', () => {
    const rows = readTrends([
      ...FIVE,
      t('tiny1', -0.99, 0.3, { forumMentions: 1 }),
      t('tiny2', 0.99, 0.3, { forumMonths: 2 }),
      t('tiny3', 0.98, 0.001, { hubMonths: 3 }),
    ]);
    const c = chartRows(sortTrends(rows, 'name'), { main: 3, low: 2 });
    expect(c.main.map((x) => x.model)).toEqual(['a', 'b', 'c']);
    expect(c.low.map((x) => x.model)).toEqual(['tiny3', 'tiny1']);
  });

  it('names what is only in the paper rule and only in BH, and which head a BH-only type misses', () => {
    const rows = readTrends(FIVE);
    const head = { forum: new Set(['a', 'b', 'd', 'e']), hub: new Set(['b', 'd', 'e']) };
    const c = compareReadings(rows, head);
    expect(c.sigP).toEqual(['a', 'b', 'c', 'd']);
    expect(c.sigQ).toEqual(['a', 'b', 'c']);
    expect(c.paperRule).toEqual(['b', 'd']);
    expect(c.both).toEqual(['b']);
    expect(c.paperOnly).toEqual([{ model: 'd', q: expect.closeTo(0.05, 12) }]);
    expect(c.qOnly).toEqual([
      { model: 'a', outside: ['hub'] },
      { model: 'c', outside: ['forum', 'hub'] },
    ]);
  });
});
