import { describe, expect, it } from 'vitest';
import { chiSquareTest, chiSquareUpperTail, monteCarloPValue } from '../../src/analysis/chi-square.js';

/**
 * How the references were computed (python3, no scipy):
 * - statistic: exact, with fractions.Fraction: sum over cells of (O - R_i C_j / N)^2 / (R_i C_j / N).
 * - p: the regularised upper incomplete gamma Q(df/2, X^2/2), written out by hand: the series
 *   P(a, x) = x^a e^-x / Gamma(a) * sum_k x^k / (a (a+1) ... (a+k)) for x < a + 1, else the
 *   continued fraction (Numerical Recipes 2nd ed. 6.2, Lentz). Checked first against the df = 2
 *   closed form exp(-x/2) and against the critical values below.
 * - Monte-Carlo check: the exact permutation p-value, enumerating every table with the observed
 *   margins with its multiple hypergeometric weight prod(R_i!) prod(C_j!) / (N! prod n_ij!) and
 *   adding up those with X^2 >= the observed one: the value R's simulate.p.value estimates.
 */
describe('analysis/chi-square', () => {
  it("gives R's ?chisq.test example (Agresti 2007, party by gender): X-squared = 30.07, df = 2, p = 2.954e-07", () => {
    const r = chiSquareTest([
      [762, 327, 468],
      [484, 239, 477],
    ]);
    expect(r.statistic).toBeCloseTo(30.070149095754672, 10);
    expect(r.df).toBe(2);
    expect(r.p).toBeCloseTo(2.954e-7, 10);
    // python3 series: 2.9535891832117595e-07 (and exp(-30.070149095754672 / 2), df = 2 being closed form).
    expect(r.p / 2.9535891832117595e-7).toBeCloseTo(1, 10);
    expect(r.cochran.ok).toBe(true);
  });

  // NIST/SEMATECH e-Handbook of Statistical Methods, 1.3.6.7.4 (critical values of chi-square, upper tail);
  // the tables round to three decimals, hence 4 decimal places on p (python3 series: within 2.5e-5 each).
  it.each([
    [1, 3.841, 0.05],
    [1, 10.828, 0.001],
    [2, 5.991, 0.05],
    [4, 9.488, 0.05],
    [10, 18.307, 0.05],
    [10, 23.209, 0.01],
    [20, 45.315, 0.001],
    [30, 43.773, 0.05],
  ])('the upper tail at the published critical value (df %i, %f) is %f', (df, x, alpha) => {
    expect(chiSquareUpperTail(x, df)).toBeCloseTo(alpha, 4);
  });

  it('has the closed form exp(-x/2) at df = 2 and 1 at x = 0', () => {
    for (const x of [0.1, 7.3, 30.070149095754672, 90])
      expect(chiSquareUpperTail(x, 2) / Math.exp(-x / 2)).toBeCloseTo(1, 12);
    expect(chiSquareUpperTail(0, 5)).toBe(1);
  });

  it.each([
    [
      [
        [10, 20, 30],
        [20, 20, 20],
        [30, 20, 10],
      ],
      20,
      4,
      0.00049939922738733355,
      true,
    ],
    [
      [
        [5, 1, 0],
        [1, 4, 2],
        [0, 2, 6],
      ],
      16.25297619047619,
      4,
      0.0026978310863712261,
      false,
    ],
    [
      [
        [3, 0, 2, 1],
        [1, 2, 0, 3],
      ],
      6,
      3,
      0.11161022509471286,
      false,
    ],
  ])('matches the hand computation for %j', (t, x2, df, p, cochranOk) => {
    const r = chiSquareTest(t);
    expect(r.statistic).toBeCloseTo(x2, 12);
    expect(r.df).toBe(df);
    expect(r.p / p).toBeCloseTo(1, 10);
    expect(r.cochran.ok).toBe(cochranOk);
  });

  it("applies Cochran's rule: no expected count below 1, at most 20% below 5", () => {
    const small = chiSquareTest([
      [5, 1, 0],
      [1, 4, 2],
      [0, 2, 6],
    ]);
    // Every expected count is (row total x column total) / 21: all nine are below 5.
    expect(small.cochran).toMatchObject({ ok: false, below5: 9, cells: 9 });
    expect(small.cochran.minExpected).toBeCloseTo((6 * 6) / 21, 12);
  });

  it('leaves out all-zero rows and columns and says which it kept', () => {
    const r = chiSquareTest([
      [3, 0, 2, 0, 1],
      [0, 0, 0, 0, 0],
      [1, 0, 2, 0, 3],
    ]);
    expect(r.rowsKept).toEqual([0, 2]);
    expect(r.colsKept).toEqual([0, 2, 4]);
    expect(r.df).toBe(2);
    expect(() => chiSquareTest([[1, 2, 3]])).toThrow(/two non-empty rows/);
  });

  it('estimates the exact permutation p-value, reproducibly for a seed', () => {
    // Exact (python3 enumeration, 37 tables): 0.21212121212121213 for this 2 x 4 table;
    // 0.0014402178488865794 for the 3 x 3 one (602 tables).
    const t = [
      [3, 0, 2, 1],
      [1, 2, 0, 3],
    ];
    const mc = monteCarloPValue(t, { replicates: 20000, seed: 'hfbot' });
    // Binomial standard error of the estimate: sqrt(0.212 * 0.788 / 20000) = 0.0029; allow 4 of them.
    expect(Math.abs(mc.p - 0.21212121212121213)).toBeLessThan(4 * 0.0029);
    expect(monteCarloPValue(t, { replicates: 20000, seed: 'hfbot' })).toEqual(mc);
    expect(monteCarloPValue(t, { replicates: 20000, seed: 'other' }).p).not.toBe(mc.p);
    const t3 = [
      [5, 1, 0],
      [1, 4, 2],
      [0, 2, 6],
    ];
    const mc3 = monteCarloPValue(t3, { replicates: 20000, seed: 'hfbot' });
    // SE = sqrt(0.00144 * 0.99856 / 20000) = 0.00027.
    expect(Math.abs(mc3.p - 0.0014402178488865794)).toBeLessThan(4 * 0.00027);
    // And as R defines it: (1 + hits) / (B + 1), so never 0.
    expect(mc3.p).toBe((1 + mc3.atLeast) / 20001);
  });

  it("equals Fisher's exact p on the tea table, where the chi-square statistic orders tables the same way", () => {
    // python3 enumeration: 0.4857142857142857 (5 tables), the tea-tasting two-sided p.
    const mc = monteCarloPValue(
      [
        [3, 1],
        [1, 3],
      ],
      { replicates: 20000, seed: 'tea' },
    );
    expect(Math.abs(mc.p - 0.4857142857142857)).toBeLessThan(4 * 0.0036);
  });
});
