import { describe, expect, it } from 'vitest';
import { fleissKappa } from '../../../src/analysis/agreement/fleiss.js';
import { fleiss1971 } from './fixtures.js';

describe('analysis/agreement/fleiss', () => {
  // Expected values: Fleiss (1971) Psychological Bulletin 76(5), Table 1 data; irr::kappam.fleiss
  // gives 0.4302445 and the per-category kappas below (fixtures README).
  it("reproduces Fleiss (1971)'s kappa on 30 patients x 6 psychiatrists", () => {
    const r = fleissKappa(fleiss1971());
    expect(r.n).toBe(30);
    expect(r.raters).toBe(6);
    expect(r.kappa).toBeCloseTo(0.4302445, 7);
  });

  it('reproduces the per-category kappas of Fleiss (1971)', () => {
    const p = fleissKappa(fleiss1971()).perCategory;
    expect(p['1. Depression']).toBeCloseTo(0.245, 3);
    expect(p['2. Personality Disorder']).toBeCloseTo(0.245, 3);
    expect(p['3. Schizophrenia']).toBeCloseTo(0.52, 3);
    expect(p['4. Neurosis']).toBeCloseTo(0.471, 3);
    expect(p['5. Other']).toBeCloseTo(0.566, 3);
  });

  it('uses only units every rater labelled and is undefined with one category', () => {
    expect(
      fleissKappa([
        ['a', 'a'],
        ['a', null],
      ]).n,
    ).toBe(1);
    expect(
      fleissKappa([
        ['a', 'a'],
        ['a', 'a'],
      ]).kappa,
    ).toBeNull();
  });
});
