import { describe, expect, it } from 'vitest';
import { saturated, saturationBatches } from '../../src/analysis/saturation.js';

describe('analysis/saturation', () => {
  it('counts codes new to the round per batch, case- and space-insensitively', () => {
    const topics = [['A', 'b'], ['a '], ['c'], [], ['B', 'C'], ['d']].map((codes, i) => ({ position: i + 1, codes }));
    const b = saturationBatches(topics, 2);
    expect(b.map((x) => [x.newCodes, x.cumulative, x.fromPosition, x.toPosition])).toEqual([
      [2, 2, 1, 2],
      [1, 3, 3, 4],
      [1, 4, 5, 6],
    ]);
    expect(saturated(b, 1)).toBe(false);
    expect(saturated(saturationBatches(topics.slice(0, 4), 1), 1)).toBe(true);
  });
});
