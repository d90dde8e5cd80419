import { describe, expect, it } from 'vitest';
import { fisherExact } from '../../src/analysis/fisher.js';

/**
 * References. Published: Fisher's tea-tasting table (3 1 / 1 3): two-sided p = 0.4857, one-sided
 * 0.2429 (Agresti, Categorical Data Analysis, 2nd ed., sec. 3.5.1; R's ?fisher.test TeaTasting);
 * R's ?fisher.test Convictions example, matrix(c(2, 10, 15, 3), nrow = 2), alternative = "less":
 * p = 0.0004652. Exact: python3 with integers and fractions, no scipy:
 *
 *   from fractions import Fraction; from math import comb
 *   def dist(a,b,c,d):
 *       m=a+c; n=b+d; k=a+b; lo=max(0,k-n); hi=min(k,m)
 *       return {x: Fraction(comb(m,x)*comb(n,k-x), comb(m+n,k)) for x in range(lo,hi+1)}
 *   P=dist(a,b,c,d); two=sum(p for p in P.values() if p <= P[a]*Fraction(10**7+1,10**7))
 *   less=sum(p for x,p in P.items() if x<=a); greater=sum(p for x,p in P.items() if x>=a)
 *
 * printed with '%.17g'. The two-sided rule (sum of the probabilities <= the observed one, with
 * R's relative tolerance 1e-7) is R's fisher.test and scipy.stats.fisher_exact's.
 */
const EXACT: [cells: [number, number, number, number], two: number, less: number, greater: number][] = [
  [[3, 1, 1, 3], 0.48571428571428571, 0.98571428571428577, 0.24285714285714285],
  [[2, 15, 10, 3], 0.00053672411914343582, 0.00046518094336290503, 0.99998451901868612],
  [[1, 9, 11, 3], 0.0027594561852200836, 0.0013797280926100418, 0.99996634809530216],
  [[0, 5, 5, 0], 0.0079365079365079361, 0.003968253968253968, 1],
  [[7, 11, 0, 2], 0.52105263157894732, 1, 0.41052631578947368],
  [[4, 14, 1, 1], 0.44736842105263158, 0.44736842105263158, 0.94736842105263153],
  [[0, 18, 1, 1], 0.10000000000000001, 0.10000000000000001, 1],
  [[10, 5, 3, 12], 0.025327687033676143, 0.99874536416002524, 0.012663843516838072],
  [[0, 0, 3, 4], 1, 1, 1],
];

describe('analysis/fisher', () => {
  it('gives the published tea-tasting and Convictions values', () => {
    expect(fisherExact(3, 1, 1, 3).p).toBeCloseTo(0.4857, 4);
    expect(fisherExact(3, 1, 1, 3, 'greater').p).toBeCloseTo(0.2429, 4);
    expect(fisherExact(2, 15, 10, 3, 'less').p).toBeCloseTo(0.0004652, 7);
  });

  it.each(EXACT)('matches the exact hypergeometric sums for %j', (cells, two, less, greater) => {
    const [a, b, c, d] = cells;
    expect(fisherExact(a, b, c, d).p / two).toBeCloseTo(1, 10);
    expect(fisherExact(a, b, c, d, 'less').p / less).toBeCloseTo(1, 10);
    expect(fisherExact(a, b, c, d, 'greater').p / greater).toBeCloseTo(1, 10);
  });

  it('counts tables tied with the observed one despite float noise (the tea table is symmetric)', () => {
    // P(a = 1) = P(a = 3) = 16/70 exactly; in floating point they differ in the last bits.
    expect(fisherExact(1, 3, 3, 1).p).toBeCloseTo(0.4857142857142857, 14);
  });

  it('is the same for the transposed table and for swapped rows (two-sided)', () => {
    expect(fisherExact(2, 10, 15, 3).p).toBeCloseTo(fisherExact(2, 15, 10, 3).p, 15);
    expect(fisherExact(10, 3, 2, 15).p).toBeCloseTo(fisherExact(2, 15, 10, 3).p, 15);
  });

  it('stays finite for large tables (log space)', () => {
    // Margins in the thousands: comb() would overflow a double, the log pmf does not.
    // Exact (python3 fractions as above): two-sided 2.4272522820494017e-21; 0.51261329739523043 one-sided
    // for the balanced table.
    expect(fisherExact(1200, 800, 900, 1100).p / 2.4272522820494017e-21).toBeCloseTo(1, 8);
    expect(fisherExact(1000, 1000, 1000, 1000).p).toBeCloseTo(1, 12);
    expect(fisherExact(1000, 1000, 1000, 1000, 'less').p).toBeCloseTo(0.51261329739523043, 10);
  });

  it('refuses negative or fractional counts', () => {
    expect(() => fisherExact(-1, 2, 3, 4)).toThrow(/whole number/);
    expect(() => fisherExact(1.5, 2, 3, 4)).toThrow(/whole number/);
  });
});
