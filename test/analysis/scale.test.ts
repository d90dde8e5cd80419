import { describe, expect, it } from 'vitest';
import { chooseScale, LOG_SPAN } from '../../src/analysis/scale.js';
import { logCountScale, logShareScale } from '../../src/render/specs/scales.js';

describe('analysis/scale', () => {
  it('goes log when the non-zero values span two orders of magnitude', () => {
    expect(LOG_SPAN).toBe(100);
    expect(chooseScale([42, 26095])).toEqual({ type: 'log', auto: true, min: 42, max: 26095 });
    expect(chooseScale([42, 4199]).type).toBe('linear');
    expect(chooseScale([42, 4200]).type).toBe('log');
    // Zeros say nothing about the span.
    expect(chooseScale([0, 0, 5, 400]).type).toBe('linear');
    expect(chooseScale([0, 0]).type).toBe('linear');
    expect(chooseScale([1, 1000], 'linear')).toMatchObject({ type: 'linear', auto: false });
    expect(chooseScale([3, 4], 'log')).toMatchObject({ type: 'log', auto: false });
  });
});

describe('render/specs/scales', () => {
  it('ticks a log count axis at powers of ten, symlog when there are zeros', () => {
    expect(logCountScale([42, 26095])).toEqual({
      scale: { type: 'log', domain: [10, 100000], nice: false },
      axis: { values: [10, 100, 1000, 10000, 100000], format: ',d' },
    });
    expect(logCountScale([0, 3, 435])).toEqual({
      scale: { type: 'symlog', constant: 1, domain: [0, 1000] },
      axis: { values: [0, 1, 10, 100, 1000], format: ',d' },
    });
    // A month of exactly 1 (or 10, 100) still gets a visible bar.
    expect(logCountScale([1, 2999]).scale).toEqual({ type: 'log', domain: [0.5, 10000], nice: false });
    expect(logShareScale([0.000194, 0.2469]).axis.values).toEqual([0.0001, 0.001, 0.01, 0.1, 1]);
  });
});
