import { describe, expect, it } from 'vitest';
import { sampleSize } from '../../src/analysis/sample-size.js';

describe('analysis/sample-size', () => {
  it('gives 372 for 11,175 topics at 95% / 5%, as in the SANER 2024 paper (III-B2)', () => {
    const r = sampleSize({ population: 11175, confidence: 95, margin: 5 });
    expect(r.n).toBe(372);
    // Cochran's n0 = 1.959964^2 * 0.25 / 0.05^2 = 384.15 (the familiar "384").
    expect(r.n0).toBeCloseTo(384.146, 3);
    expect(r.z).toBeCloseTo(1.959964, 6);
  });

  it('never exceeds the population and grows with confidence', () => {
    expect(sampleSize({ population: 50 }).n).toBeLessThanOrEqual(50);
    expect(sampleSize({ population: 11175, confidence: 99 }).n).toBeGreaterThan(372);
  });
});
