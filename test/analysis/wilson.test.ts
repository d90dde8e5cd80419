import { describe, expect, it } from 'vitest';
import { wilson, zFor } from '../../src/analysis/wilson.js';

describe('analysis/wilson', () => {
  // Newcombe RG (1998) "Two-sided confidence intervals for the single proportion: comparison
  // of seven methods", Stat Med 17:857-872, Table II, method 3 (score, no continuity correction).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i/%i matches Newcombe 1998 (%f, %f)', (x, n, lo, hi) => {
    const ci = wilson(x, n);
    expect(ci.lower).toBeCloseTo(lo, 4);
    expect(ci.upper).toBeCloseTo(hi, 4);
  });

  // Independent computation: Python 3 standard library only, z = NormalDist().inv_cdf(0.975),
  // centre = (p + z^2/2n)/(1 + z^2/n), half = z/(1 + z^2/n) * sqrt(p(1-p)/n + z^2/4n^2).
  it.each([
    [3, 18, 0.058366, 0.39222],
    [1, 18, 0.009875, 0.257573],
    [2, 18, 0.03102, 0.327998],
    [1, 2, 0.094531, 0.905469],
  ])('%i/%i matches an independent Python computation', (x, n, lo, hi) => {
    const ci = wilson(x, n);
    expect(ci.lower).toBeCloseTo(lo, 6);
    expect(ci.upper).toBeCloseTo(hi, 6);
    expect(ci.p).toBe(x / n);
  });

  it('uses z = 1.959964 for 95% and widens with confidence', () => {
    expect(zFor(0.95)).toBeCloseTo(1.959963984540054, 12);
    const a = wilson(5, 20, 0.9);
    const b = wilson(5, 20, 0.99);
    expect(b.upper - b.lower).toBeGreaterThan(a.upper - a.lower);
  });

  it('reaches exactly 1 when every trial succeeds, and stays within [0, 1]', () => {
    expect(wilson(20, 20).upper).toBe(1);
    expect(wilson(20, 20).lower).toBeCloseTo(1 - 0.1611, 4);
  });

  it('rejects impossible counts', () => {
    expect(() => wilson(3, 2)).toThrow(RangeError);
    expect(() => wilson(1, 0)).toThrow(RangeError);
    expect(() => wilson(-1, 5)).toThrow(RangeError);
    expect(() => wilson(1.5, 5)).toThrow(RangeError);
    expect(() => zFor(1)).toThrow(RangeError);
  });
});
