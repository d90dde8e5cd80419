import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { sharesSpec } from '../../../src/render/specs/taxonomy-shares.js';
import { rootCausesSpec } from '../../../src/render/specs/root-causes.js';

type Mark = { type?: string; from?: { data?: string } };

function marks(spec: Record<string, unknown>): string[] {
  const vg = compile(spec as never).spec as { marks?: Mark[] };
  return (vg.marks ?? []).map((m) => m.type ?? '');
}

describe('render/specs (taxonomy)', () => {
  const base = { title: 't', xTitle: 'share (%)', datasetVersion: 'v1', source: 'Codebook.xlsx' };

  it('Table I shares compile as bars with percent labels, no interval rules', () => {
    const spec = sharesSpec({
      ...base,
      bars: [
        { label: 'C1 Model usage', percent: 14.38 },
        { label: 'C2 Training', percent: 11.94 },
      ],
    });
    const m = marks(spec);
    expect(m).toContain('rect');
    expect(m).toContain('text');
    expect(m).not.toContain('rule');
    expect(JSON.stringify(spec)).toContain('dataset v1');
  });

  it('level shares compile with a rule per Wilson interval', () => {
    const spec = sharesSpec({
      ...base,
      subtitle: 'n = 18 topics',
      bars: [{ label: 'C1', percent: 16.67, lower: 5.84, upper: 39.22 }],
    });
    expect(marks(spec)).toContain('rule');
  });

  it('puts level values in a column right of the plot, not at the end of the whisker', () => {
    const spec = sharesSpec({
      ...base,
      bars: [
        { label: 'C1', percent: 38.89, lower: 20.3, upper: 61.4 },
        { label: 'C6', percent: 22.22, lower: 9.0, upper: 45.2 },
      ],
    }) as { width: number; layer: { mark: { type: string; x?: number }; encoding?: { x?: unknown } }[] };
    const text = spec.layer.find((l) => l.mark.type === 'text')!;
    expect(text.encoding?.x).toBeUndefined();
    expect(text.mark.x).toBeGreaterThan(spec.width);
    const vg = compile(spec as never).spec as {
      width?: number;
      marks: { type: string; encode: { update: Record<string, unknown> } }[];
    };
    const t = vg.marks.find((m) => m.type === 'text')!;
    expect(t.encode.update.x).toEqual({ value: spec.width + 10 });
    // The label says the share and its interval, in the answer's number format.
    expect(JSON.stringify(spec)).toContain('38.9% (20.3-61.4)');
    // Caps at both ends of each interval.
    expect(spec.layer.filter((l) => l.mark.type === 'tick')).toHaveLength(2);
    expect(compile(spec as never).spec).toBeTruthy();
  });

  it('root causes compile as grouped bars in Table II order', () => {
    const spec = rootCausesSpec({
      title: 't',
      datasetVersion: 'v',
      source: 'Root_Causes.csv',
      rows: [
        { category: 'HF bugs', published: 3, recomputed: 3 },
        { category: 'Other/Unknown', published: 4, recomputed: 5 },
      ],
    });
    const vg = compile(spec as never).spec as { scales?: { name: string; domain?: unknown }[] };
    expect(marks(spec)).toContain('rect');
    expect(vg.scales?.some((s) => s.name === 'yOffset')).toBe(true);
  });
});
