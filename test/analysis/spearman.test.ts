import { describe, expect, it } from 'vitest';
import { averageRanks, spearman, spearmanPValue } from '../../src/analysis/spearman.js';

/*
 * Expected values computed with SciPy 1.10.1 (Debian python3-scipy):
 *   /usr/bin/python3 -c "from scipy.stats import spearmanr; r = spearmanr(x, y); print(repr(float(r.correlation)), repr(float(r.pvalue)))"
 * with the x, y of each case below.
 */
const SCIPY = [
  {
    name: 'ties in both series',
    x: [1, 2, 2, 3, 4, 4, 4, 5],
    y: [2, 1, 3, 3, 5, 4, 6, 7],
    rho: 0.9200335844703181,
    p: 0.001202943728136136,
  },
  {
    name: 'negative, n = 5',
    x: [10, 20, 30, 40, 50],
    y: [5, 6, 1, 2, 0],
    rho: -0.7999999999999999,
    p: 0.10408803866182788,
  },
  {
    name: 'sparse counts with many zeros',
    x: [0, 0, 1, 0, 3, 0, 2, 0, 0, 5],
    y: [1, 0, 0, 2, 0, 0, 0, 4, 1, 0],
    rho: -0.6177652223992244,
    p: 0.057003281040555166,
  },
  { name: 'n = 3 (one degree of freedom)', x: [1, 2, 3], y: [1, 3, 2], rho: 0.5, p: 0.6666666666666667 },
];

describe('analysis/spearman', () => {
  it('gives tied values the average of their positions', () => {
    expect(averageRanks([10, 20, 20, 5, 20])).toEqual([2, 4, 4, 1, 4]);
    expect(averageRanks([0, 0, 0])).toEqual([2, 2, 2]);
  });

  for (const c of SCIPY) {
    it(`matches scipy.stats.spearmanr: ${c.name}`, () => {
      const r = spearman(c.x, c.y);
      expect(r.n).toBe(c.x.length);
      expect(r.rho).toBeCloseTo(c.rho, 12);
      expect(r.p).toBeCloseTo(c.p, 12);
      expect(Math.abs(r.p! - c.p) / c.p).toBeLessThan(1e-9);
    });
  }

  it('matches scipy p-values for Table III rho (t approximation, n - 2 df)', () => {
    // scipy: spearmanr over BART's 35 months (2020-07..2023-05) gives rho -0.6874047828602385,
    // p 5.076534095941732e-06; LLaMa over its 8 months (2022-10..2023-05) rho 0.900070320740819,
    // p 0.0023114933352196667 (same command as above on the dataset's monthly counts).
    expect(spearmanPValue(-0.6874047828602385, 35)! / 5.076534095941732e-6).toBeCloseTo(1, 9);
    expect(spearmanPValue(0.900070320740819, 8)! / 0.0023114933352196667).toBeCloseTo(1, 9);
  });

  it('says rho is undefined for a constant series, as scipy does (nan + ConstantInputWarning)', () => {
    expect(spearman([0, 0, 0, 0], [1, 2, 3, 4])).toEqual({ rho: null, p: null, n: 4, undefinedReason: 'constant' });
    expect(spearman([1, 2], [2, 1])).toMatchObject({ rho: null, undefinedReason: 'too-few' });
  });

  it('gives p = 0 for a perfect monotone relation, as scipy does', () => {
    expect(spearman([1, 2, 3, 4, 5], [1, 4, 9, 16, 25])).toMatchObject({ rho: 1, p: 0 });
    expect(spearman([1, 2, 3, 4, 5], [5, 4, 3, 2, 1])).toMatchObject({ rho: -1, p: 0 });
  });

  it('rejects series of different lengths', () => {
    expect(() => spearman([1, 2, 3], [1, 2])).toThrow(RangeError);
  });
});
