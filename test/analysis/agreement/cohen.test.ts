import { describe, expect, it } from 'vitest';
import { cohenKappa } from '../../../src/analysis/agreement/cohen.js';
import { fleiss1971 } from './fixtures.js';

describe('analysis/agreement/cohen', () => {
  it('gives 0.6511628 for rater1 vs rater2 of Fleiss (1971) (irr::kappa2, fixtures README)', () => {
    const d = fleiss1971();
    expect(
      cohenKappa(
        d.map((r) => r[0]!),
        d.map((r) => r[1]!),
      ).kappa,
    ).toBeCloseTo(0.6511628, 7);
  });

  it('reproduces a textbook 2x2 example', () => {
    // Wikipedia "Cohen's kappa", worked example (grant proposals read by two readers):
    // 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no of 50 -> p_o = 0.70, p_e = 0.50, kappa = 0.40.
    const a = [...Array(20).fill('yes'), ...Array(5).fill('yes'), ...Array(10).fill('no'), ...Array(15).fill('no')];
    const b = [...Array(20).fill('yes'), ...Array(5).fill('no'), ...Array(10).fill('yes'), ...Array(15).fill('no')];
    const r = cohenKappa(a, b);
    expect(r.po).toBeCloseTo(0.7, 10);
    expect(r.pe).toBeCloseTo(0.5, 10);
    expect(r.kappa).toBeCloseTo(0.4, 10);
  });

  it('skips units either rater left blank and is null when undefined', () => {
    expect(cohenKappa(['a', 'b', null], ['a', 'b', 'a']).n).toBe(2);
    expect(cohenKappa(['a', 'a'], ['a', 'a']).kappa).toBeNull();
    expect(cohenKappa([null], ['a']).kappa).toBeNull();
  });
});
