import { describe, expect, it } from 'vitest';
import { krippendorffAlpha } from '../../../src/analysis/agreement/krippendorff.js';
import { krippendorff2011 } from './fixtures.js';

describe('analysis/agreement/krippendorff', () => {
  it("reproduces Krippendorff (2011)'s nominal alpha with missing values (0.743)", () => {
    // Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), section C: 4 coders x
    // 12 units; alpha = 0.743 in the paper, 0.7434211 by irr::kripp.alpha (fixtures README).
    const r = krippendorffAlpha(krippendorff2011());
    expect(r.alpha).toBeCloseTo(0.7434211, 7);
    // 41 values in all; unit 12 has one value only and is not pairable, leaving n = 40 as in the paper.
    expect(r.pairable).toBe(40);
  });

  it('equals 1 for perfect agreement and is null without pairable values', () => {
    expect(
      krippendorffAlpha([
        ['a', 'a'],
        ['b', 'b'],
      ]).alpha,
    ).toBe(1);
    expect(krippendorffAlpha([['a', null]]).alpha).toBeNull();
  });
});
