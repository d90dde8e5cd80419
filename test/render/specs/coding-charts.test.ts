import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { confusionMatrixSpec, countClasses } from '../../../src/render/specs/confusion-matrix.js';
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

describe('render/specs confusion matrix (discrete counts, marked diagonal)', () => {
  const input = {
    cells: [
      { x: 'C1', y: 'C1', count: 8 },
      { x: 'C2', y: 'C1', count: 1 },
      { x: 'C2', y: 'C2', count: 4 },
    ],
    categories: ['C1', 'C2', 'C3'],
    xTitle: 'alice',
    yTitle: 'bob',
    title: 't',
    datasetVersion: 'v',
    source: 's',
  };

  it('colours whole counts in discrete classes, never a continuous 0-1 scale', () => {
    const vg = compile(confusionMatrixSpec(input) as never).spec as {
      scales: { name: string; type?: string; domain?: unknown; range?: unknown }[];
      legends: { type?: string; fill?: string }[];
    };
    const color = vg.scales.find((s) => s.name === 'color')!;
    expect(color.type).toBe('ordinal');
    expect(color.domain).toEqual(['0', '1-2', '3-4', '5-6', '7-8']);
    expect(vg.legends[0]!.type).not.toBe('gradient');
    expect(vg.scales.some((s) => s.type === 'linear' || s.type === 'sequential')).toBe(false);
  });

  it('draws every cell of the grid, counts only where non-zero, and outlines the diagonal', () => {
    const spec = confusionMatrixSpec(input) as { data: { values: { x: string; y: string; count: number }[] } };
    expect(spec.data.values).toHaveLength(9);
    expect(spec.data.values.find((v) => v.x === 'C3' && v.y === 'C1')!.count).toBe(0);
    const layers = (spec as unknown as { layer: { transform?: { filter: string }[]; mark: { type: string } }[] }).layer;
    const diagonal = layers.find((l) => l.transform?.[0]?.filter === 'datum.diagonal')!;
    expect(diagonal.mark).toMatchObject({ type: 'rect', fillOpacity: 0, strokeWidth: 2 });
    expect(layers.find((l) => l.mark.type === 'text')!.transform).toEqual([{ filter: 'datum.count > 0' }]);
  });

  it('keeps one class per count up to 7 and integer bins above', () => {
    expect(countClasses(3).map((c) => c.label)).toEqual(['1', '2', '3']);
    expect(countClasses(7).map((c) => c.label)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(countClasses(20).map((c) => c.label)).toEqual(['1-3', '4-6', '7-9', '10-12', '13-15', '16-18', '19-20']);
    for (const n of [1, 2, 5, 7, 8, 30, 100]) {
      const cs = countClasses(n);
      expect(cs[0]!.lo).toBe(1);
      expect(cs.at(-1)!.hi).toBe(n);
      expect(new Set(cs.map((c) => c.color)).size).toBe(cs.length);
    }
  });
});
