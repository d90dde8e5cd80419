import { describe, expect, it } from 'vitest';
import { drawableLabel, symlogShareScale, symlogWhenSpread } from '../../../src/render/specs/scales.js';

describe('render/specs/scales', () => {
  it('turns symlog on when line peaks differ 100-fold, with ticks at 0 and powers of ten', () => {
    expect(
      symlogWhenSpread([
        [0, 1922],
        [0, 3, 12],
      ]),
    ).toMatchObject({
      scale: { type: 'symlog' },
      axis: { values: [0, 1, 10, 100, 1000] },
    });
    // A cumulative line starting at 1 is not spread: only peaks count.
    expect(
      symlogWhenSpread([
        [1, 500, 7000],
        [0, 90, 700],
      ]),
    ).toBeNull();
    expect(symlogWhenSpread([[0, 0], []])).toBeNull();
  });

  it('puts shares from 0 to 25% on a symlog axis whose linear zone ends at the smallest share', () => {
    // bert's 24.7% of forum mentions, a type at 0.03%, one the mined data never mentions (0).
    expect(symlogShareScale([0.247, 0.0003, 0])).toEqual({
      scale: { type: 'symlog', constant: 0.0001, domain: [0, 1], nice: false },
      axis: { values: [0, 0.0001, 0.001, 0.01, 0.1, 1], format: '.2~%' },
    });
    // Both within one decade: still two ticks above zero.
    expect(symlogShareScale([0.02, 0.05]).axis.values).toEqual([0, 0.01, 0.1]);
  });

  it('drops the emoji DejaVu Sans cannot draw, and keeps a label that is only emoji', () => {
    expect(drawableLabel('🤗Transformers')).toBe('Transformers');
    expect(drawableLabel('👩‍💻 Show and Tell')).toBe('Show and Tell');
    expect(drawableLabel('🤗')).toBe('🤗');
    expect(drawableLabel('Flax/JAX Projects')).toBe('Flax/JAX Projects');
  });
});
