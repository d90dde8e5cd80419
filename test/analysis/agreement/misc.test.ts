import { describe, expect, it } from 'vitest';
import { percentAgreement } from '../../../src/analysis/agreement/percent.js';
import { landisKoch } from '../../../src/analysis/agreement/landis-koch.js';
import { bootstrapCI } from '../../../src/analysis/agreement/bootstrap.js';
import { categoryKappas } from '../../../src/analysis/agreement/category-kappas.js';
import { fleissKappa } from '../../../src/analysis/agreement/fleiss.js';
import type { Units } from '../../../src/analysis/agreement/types.js';
import { fleiss1971 } from './fixtures.js';

describe('analysis/agreement (percent, Landis-Koch, bootstrap, per category)', () => {
  it('percent agreement is the mean pairwise agreement (Fleiss P-bar)', () => {
    expect(
      percentAgreement([
        ['a', 'a'],
        ['a', 'b'],
        ['a', null],
      ]),
    ).toBe(0.5);
    // Fleiss (1971): P-bar = 0.5556 for the 30 patients (kappa = (0.5556 - 0.2201) / (1 - 0.2201)).
    expect(percentAgreement(fleiss1971())).toBeCloseTo(0.5556, 4);
  });

  it('reads kappa with the Landis & Koch (1977) bands (paper: 0.74 substantial, 0.88 almost perfect)', () => {
    expect(landisKoch(-0.1)).toBe('poor');
    expect(landisKoch(0.4302445)).toBe('moderate');
    expect(landisKoch(0.74)).toBe('substantial');
    expect(landisKoch(0.88)).toBe('almost perfect');
  });

  it('bootstrap CI is reproducible from its seed and brackets the estimate', () => {
    const d = fleiss1971();
    const stat = (u: Units) => fleissKappa(u).kappa;
    const a = bootstrapCI(d, stat, { seed: 's1', replicates: 300 })!;
    const b = bootstrapCI(d, stat, { seed: 's1', replicates: 300 })!;
    expect(a).toEqual(b);
    expect(a.low).toBeLessThan(0.4302445);
    expect(a.high).toBeGreaterThan(0.4302445);
    expect(bootstrapCI(d, stat, { seed: 's2', replicates: 300 })!.low).not.toBe(a.low);
  });

  it('per-category kappa uses Fleiss for 3+ raters and Cohen on present/absent for 2', () => {
    expect(categoryKappas(fleiss1971())['3. Schizophrenia']).toBeCloseTo(0.52, 3);
    const two = categoryKappas([
      ['x', 'x'],
      ['y', 'y'],
      ['x', 'y'],
      ['z', 'z'],
    ]);
    expect(two.z).toBe(1);
  });
});
