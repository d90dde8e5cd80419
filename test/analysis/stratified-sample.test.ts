import { describe, expect, it } from 'vitest';
import { drawSample, proportionalQuotas } from '../../src/analysis/stratified-sample.js';

describe('analysis/stratified-sample', () => {
  it('allocates proportionally with largest remainders, summing to the sample size', () => {
    // 372 of 11,175 with strata 7,000 / 3,000 / 1,175: exact shares 233.02, 99.87, 39.11
    // -> floors 233, 99, 39 (371) and the one leftover place goes to the largest fraction (0.87).
    const q = proportionalQuotas(
      new Map([
        ['a', 7000],
        ['b', 3000],
        ['c', 1175],
      ]),
      372,
    );
    expect(Object.fromEntries(q)).toEqual({ a: 233, b: 100, c: 39 });
  });

  it('is reproducible from the seed, independent of pool order, without duplicates', () => {
    const pool = Array.from({ length: 200 }, (_, i) => ({ id: i * 3 + 1, stratum: i % 4 === 0 ? 'x' : 'y' }));
    const a = drawSample(pool, 40, 'seed', true);
    expect(drawSample([...pool].reverse(), 40, 'seed', true)).toEqual(a);
    expect(new Set(a).size).toBe(40);
    expect(a.filter((id) => pool.find((p) => p.id === id)!.stratum === 'x')).toHaveLength(10);
    expect(drawSample(pool, 40, 'other', true)).not.toEqual(a);
    expect(drawSample(pool, 500, 'seed', false)).toHaveLength(200);
  });
});
