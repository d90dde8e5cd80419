import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from '../../src/analysis/fdr.js';

describe('analysis/fdr', () => {
  // Benjamini & Hochberg (1995), J. R. Stat. Soc. B 57(1), section 4.2: 15 p-values from a
  // multiple-endpoint trial; at FDR 0.05 the procedure rejects the first four.
  const P = [
    0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1.0,
  ];
  // Expected adjusted values computed independently in exact rational arithmetic:
  //   python3: from fractions import Fraction as F; q_i = min(1, min_{j>=i} p_j * 15 / j)
  const Q = [
    0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.06385714285714286, 0.06385714285714286, 0.0645, 0.0765, 0.486,
    0.5811818181818181, 0.714875, 0.7532307692307693, 0.8132142857142857, 1.0,
  ];

  it('reproduces the adjusted p-values of the 1995 example', () => {
    const q = benjaminiHochberg(P);
    for (const [i, e] of Q.entries()) expect(q[i]).toBeCloseTo(e, 12);
  });

  it('rejects exactly the first four at 0.05, as in the paper', () => {
    expect(benjaminiHochberg(P).filter((q) => q <= 0.05)).toHaveLength(4);
  });

  it('keeps input order, is monotone in p, and caps at 1', () => {
    const shuffled = [P[9]!, P[0]!, P[14]!, P[4]!, P[3]!];
    const q = benjaminiHochberg(shuffled);
    const byP = shuffled.map((p, i) => ({ p, q: q[i]! })).sort((a, b) => a.p - b.p);
    for (let i = 1; i < byP.length; i++) expect(byP[i]!.q).toBeGreaterThanOrEqual(byP[i - 1]!.q);
    expect(benjaminiHochberg([0.9, 0.95])).toEqual([0.95, 0.95]);
    expect(Math.max(...benjaminiHochberg([0.5, 0.8, 0.99]))).toBeLessThanOrEqual(1);
    expect(benjaminiHochberg([])).toEqual([]);
  });

  it('refuses p-values outside [0, 1]', () => {
    expect(() => benjaminiHochberg([0.1, 1.2])).toThrow(RangeError);
    expect(() => benjaminiHochberg([Number.NaN])).toThrow(RangeError);
  });
});
