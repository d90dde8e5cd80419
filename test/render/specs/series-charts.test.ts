import { beforeAll, describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { runCommandText } from '../../../src/commands/run.js';
import { commands } from '../../../src/commands/index.js';
import { testServices, testUser } from '../../helpers/dataset.js';
import type { Services } from '../../../src/commands/types.js';

let services: Services;

beforeAll(async () => {
  services = await testServices();
});

/** Compiles with a logger that records every warning, so "compiles" means "compiles cleanly". */
function compileCleanly(spec: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const logger = {
    level: () => logger,
    error: (...a: unknown[]) => {
      problems.push(a.join(' '));
      return logger;
    },
    warn: (...a: unknown[]) => {
      problems.push(a.join(' '));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  compile(spec as never, { logger: logger as never });
  return problems;
}

describe('render/specs (series)', () => {
  it.each([
    '/trend bart',
    '/trend llama',
    '/trend bert roberta t5 gpt2 bart',
    '/trend bert vit llama',
    '/trends',
    '/trends significant:true',
    '/popular',
    '/popular top:8',
    '/cards',
    '/cards 2023-01 2023-05',
  ])('%s gives a chart that compiles without warnings', async (cmd) => {
    const r = await runCommandText(cmd, { user: testUser(), services }, commands);
    expect(r.error).toBeUndefined();
    const chart = r.chart as Record<string, unknown> & { title: { text: string; subtitle: string[] } };
    expect(compileCleanly(chart)).toEqual([]);
    expect(chart.title.text.length).toBeGreaterThan(10);
    expect(chart.title.subtitle.at(-1)).toContain(r.provenance!.datasetVersion);
  });

  it('puts rho, p and the window in the /trend subtitle and uses two y axes', async () => {
    const r = await runCommandText('/trend bart', { user: testUser(), services }, commands);
    const chart = r.chart as { title: { subtitle: string[] }; resolve: unknown };
    expect(chart.title.subtitle[0]).toBe('Spearman rho = -0.687, p < 0.001, 2020-07..2023-05 (35 months)');
    expect(chart.title.subtitle[1]).toBe('Counts on a log scale (2 to 319 a month); scale:linear to change');
    expect(chart.resolve).toEqual({ scale: { y: 'independent' } });
    const vg = compile(r.chart as never).spec as { axes?: { orient: string }[] };
    const orients = (vg.axes ?? []).map((a) => a.orient);
    expect(orients).toEqual(expect.arrayContaining(['left', 'right', 'bottom']));
  });
});

type VgScale = { name: string; type?: string; domain?: unknown };
const vgScales = (spec: unknown): VgScale[] => {
  const out: VgScale[] = [];
  const walk = (n: unknown) => {
    if (!n || typeof n !== 'object') return;
    const o = n as { scales?: VgScale[]; marks?: unknown[] };
    out.push(...(o.scales ?? []));
    for (const m of o.marks ?? []) walk(m);
  };
  walk(compile(spec as never).spec);
  return out;
};

describe('render/specs (series): scales and legends a reviewer accepts', () => {
  const ask = (cmd: string) => runCommandText(cmd, { user: testUser(), services }, commands);

  it('/cards draws its 42 to 26,095 models a month on a log axis, and scale:linear switches it', async () => {
    const log = await ask('/cards');
    expect(log.data.scale).toBe('log');
    const y = vgScales(log.chart).find((s) => s.type === 'log')!;
    expect(y.domain).toEqual([10, 100000]);
    expect((log.chart as { title: { subtitle: string[] } }).title.subtitle).toContain(
      'Counts on a log scale (42 to 26,095 models a month); scale:linear to change',
    );
    const linear = await ask('/cards scale:linear');
    expect(linear.data.scale).toBe('linear');
    expect(vgScales(linear.chart).some((s) => s.type === 'log')).toBe(false);
    // Five months of 2023 span less than 100x: linear without asking.
    expect((await ask('/cards 2023-01 2023-05')).data.scale).toBe('linear');
  });

  it('/trend goes log when a series grows 100-fold (bart: 2 to 319 uploads a month), not for llama', async () => {
    const bart = await ask('/trend bart');
    expect(bart.data.scale).toBe('log');
    expect(vgScales(bart.chart).filter((x) => x.type === 'log')).toHaveLength(2);
    // Zero months keep their place on a symlog axis (whisper has months without a mention).
    expect(vgScales((await ask('/trend whisper')).chart).some((x) => x.type === 'symlog')).toBe(true);
    expect((await ask('/trend llama')).data.scale).toBe('linear');
    const linear = await ask('/trend bart scale:linear');
    expect(linear.data.scale).toBe('linear');
    expect(vgScales(linear.chart).some((x) => x.type === 'log' || x.type === 'symlog')).toBe(false);
    expect(linear.chartName?.file).toBe('trend-bart-scale-linear.png');
  });

  it('/popular puts shares from 0.02% to 25% on a log axis, and a short head on a linear one', async () => {
    const top = await ask('/popular');
    expect(top.data.scale).toBe('log');
    expect(vgScales(top.chart).some((s) => s.type === 'log')).toBe(true);
    expect(compileCleanly(top.chart as Record<string, unknown>)).toEqual([]);
    expect((await ask('/popular top:8')).data.scale).toBe('linear');
  });

  it('/trends lists "not significant" in its legend only when a grey bar is drawn', async () => {
    const legend = (spec: unknown) => vgScales(spec).find((s) => s.name === 'color')!.domain as string[];
    const all = await ask('/trends');
    expect(legend(all.chart)).toEqual([
      'q < 0.05 (BH) and p < 0.05',
      'p < 0.05 only (not after BH)',
      'not significant',
    ]);
    const sig = await ask('/trends significant:true');
    expect(legend(sig.chart)).toEqual(['q < 0.05 (BH) and p < 0.05']);
    const { specToSvg } = await import('../../../src/render/to-svg.js');
    const svg = await specToSvg(sig.chart as Record<string, unknown>);
    expect(svg).not.toContain('not significant');
    expect(await specToSvg(all.chart as Record<string, unknown>)).toContain('not significant');
  });

  it('/trends draws low-count types hollow in their own panel, at most 10, never among the others', async () => {
    const r = await ask('/trends');
    const rows = r.data.rows as { model: string; lowCount: boolean }[];
    const low = new Set(rows.filter((x) => x.lowCount).map((x) => x.model));
    const [main, lowPanel] = (
      r.chart as { vconcat: { data: { values: { model: string }[] }; layer: { mark: unknown }[] }[] }
    ).vconcat;
    expect(main!.data.values.some((v) => low.has(v.model))).toBe(false);
    expect(lowPanel!.data.values.every((v) => low.has(v.model))).toBe(true);
    expect(lowPanel!.data.values.length).toBeLessThanOrEqual(10);
    expect(main!.data.values.length).toBeGreaterThan(lowPanel!.data.values.length);
    expect(lowPanel!.layer[0]!.mark).toMatchObject({ type: 'bar', filled: false });
    // The headline low-count result stays on the chart.
    expect(lowPanel!.data.values.map((v) => v.model)).toContain('llama');
  });
});
