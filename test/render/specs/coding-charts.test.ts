import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { confusionMatrixSpec } from '../../../src/render/specs/confusion-matrix.js';
import { saturationSpec } from '../../../src/render/specs/saturation.js';

describe('render/specs (coding rounds)', () => {
  it('confusion matrix compiles and keeps Table I order on both axes', () => {
    const spec = confusionMatrixSpec({
      cells: [
        { x: 'C1', y: 'C1', count: 3 },
        { x: 'C10', y: 'C2', count: 1 },
      ],
      categories: ['C1', 'C2', 'C10'],
      xTitle: 'alice',
      yTitle: 'bob',
      title: 't',
      datasetVersion: 'v',
      source: 's',
    });
    const vg = compile(spec as never).spec;
    const x = (vg.scales ?? []).find((s) => s.name === 'x') as { domain?: unknown } | undefined;
    expect(x?.domain).toEqual(['C1', 'C2', 'C10']);
  });

  it('saturation chart compiles', () => {
    const spec = saturationSpec({
      batches: [{ batch: 1, fromPosition: 1, toPosition: 2, newCodes: 2, cumulative: 2 }],
      title: 't',
      datasetVersion: 'v',
      source: 's',
    });
    expect(() => compile(spec as never)).not.toThrow();
  });
});
