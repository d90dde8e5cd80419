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
    expect(chart.title.subtitle[0]).toBe('Spearman rho = -0.6874, p = 5.1e-6, 2020-07..2023-05 (35 months)');
    expect(chart.resolve).toEqual({ scale: { y: 'independent' } });
    const vg = compile(r.chart as never).spec as { axes?: { orient: string }[] };
    const orients = (vg.axes ?? []).map((a) => a.orient);
    expect(orients).toEqual(expect.arrayContaining(['left', 'right', 'bottom']));
  });
});
