import { describe, expect, it } from 'vitest';
import { drawableLabel, symlogWhenSpread } from '../../../src/render/specs/scales.js';

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

  it('drops the emoji DejaVu Sans cannot draw, and keeps a label that is only emoji', () => {
    expect(drawableLabel('🤗Transformers')).toBe('Transformers');
    expect(drawableLabel('👩‍💻 Show and Tell')).toBe('Show and Tell');
    expect(drawableLabel('🤗')).toBe('🤗');
    expect(drawableLabel('Flax/JAX Projects')).toBe('Flax/JAX Projects');
  });
});
