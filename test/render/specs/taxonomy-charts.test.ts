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
