import { describe, expect, it } from 'vitest';
import { compareLevels, minAttainableFisherP } from '../../src/analysis/level-compare.js';

/**
 * Reference values: python3 without scipy, exact hypergeometric sums with fractions and math.comb
 * (the script is written out in test/analysis/fisher.test.ts), two-sided as R's fisher.test; BH by
 * hand: sort p ascending, q_(i) = min_{j >= i} p_(j) m / j. Wilson bounds as in wilson.test.ts.
 */
const rows = (xs: [string, number][]) => xs.map(([code, count]) => ({ code, category: `cat ${code}`, count }));

describe('analysis/level-compare', () => {
  it('tests each category with Fisher exact and adjusts with BH over the categories present', () => {
    const r = compareLevels(
      rows([
        ['B1', 40],
        ['B2', 15],
        ['B3', 5],
        ['B4', 0],
      ]),
      rows([
        ['B1', 10],
        ['B2', 20],
        ['B3', 10],
        ['B4', 0],
      ]),
      { beginner: 60, intermediate: 40 },
    );
    // B4: no topic of either level, so not tested and not in the BH family.
    expect(r.tested).toBe(3);
    expect(r.rows.map((x) => x.code)).toEqual(['B1', 'B2', 'B3']);
    const p = [8.3086587062391521e-5, 0.01787573978092271, 0.042425141605815543];
    const q = [0.00024925976118717454, 0.026813609671384065, 0.042425141605815543];
    r.rows.forEach((x, i) => {
      expect(x.p! / p[i]!).toBeCloseTo(1, 10);
      expect(x.q! / q[i]!).toBeCloseTo(1, 10);
    });
    // 40/60 beginner: Wilson 95% 54.06%..77.27% (python3, NormalDist().inv_cdf(0.975)).
    expect(r.rows[0]!.beginner).toEqual({ count: 40, percent: 66.67, lower: 54.06, upper: 77.27 });
    expect(r.rows[0]!.intermediate).toMatchObject({ count: 10, percent: 25 });
  });

  it('says what the margins allow: the smallest p any split of a category could give', () => {
    // python3 enumeration over every split b of K topics, min of the two-sided exact p.
    expect(minAttainableFisherP(1, 18, 2)).toBeCloseTo(0.1, 12);
    expect(minAttainableFisherP(2, 18, 2)).toBeCloseTo(0.005263157894736842, 12);
    expect(minAttainableFisherP(8, 18, 2)).toBeCloseTo(0.14736842105263157, 12);
    expect(minAttainableFisherP(1, 20, 1)).toBeCloseTo(0.047619047619047616, 12);
    const r = compareLevels(
      rows([
        ['C1', 10],
        ['C2', 5],
      ]),
      rows([
        ['C1', 1],
        ['C2', 0],
      ]),
      { beginner: 20, intermediate: 1 },
    );
    // K = 11 and 5 of 21 topics: 0.47619047619047616 and 0.23809523809523808; the least is above 0.05.
    expect(r.minAttainableP).toBeCloseTo(0.23809523809523808, 12);
    expect(r.rows.map((x) => x.p)).toEqual([1, 1]);
  });

  it('needs topics on both sides', () => {
    expect(() => compareLevels(rows([['C1', 1]]), rows([['C1', 0]]), { beginner: 3, intermediate: 0 })).toThrow(
      /both levels/,
    );
  });
});
