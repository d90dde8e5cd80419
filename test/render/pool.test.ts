/**
 * Charts drawn in the worker pool: byte-identical to the main-thread pipeline for every command's
 * chart, a bounded queue that says "busy" at once, and at most N charts waiting or drawing per
 * user, refused with a specific message (issue 14 item 6).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommandText } from '../../src/commands/run.js';
import { commands } from '../../src/commands/index.js';
import { createRenderPool, type RenderPool } from '../../src/render/pool.js';
import { createChartRenderer, renderSpecUncached } from '../../src/render/render-chart.js';
import { HfbotError } from '../../src/errors.js';
import type { Services } from '../../src/commands/types.js';
import { testServices, testUser } from '../helpers/dataset.js';

let services: Services;
let pool: RenderPool;

beforeAll(async () => {
  services = await testServices();
  pool = createRenderPool(2);
});
afterAll(async () => {
  await pool?.close();
  services?.db.close();
});

async function spec(cmd: string): Promise<Record<string, unknown>> {
  const reply = await runCommandText(cmd, { user: testUser(), services }, commands);
  expect(reply.chart, cmd).toBeTruthy();
  return reply.chart!;
}

describe('render/pool', () => {
  it('draws every command chart byte-identical to the main-thread pipeline', async () => {
    const cmds = ['/trend llama', '/trends', '/popular', '/cards', '/challenges beginner', '/benefits', '/rootcauses'];
    const specs = await Promise.all(cmds.map(spec));
    const inPool = await Promise.all(specs.map((s) => pool.render(s)));
    for (const [i, s] of specs.entries()) {
      const inMain = await renderSpecUncached(s);
      expect(Buffer.from(inPool[i]!).equals(Buffer.from(inMain)), cmds[i]).toBe(true);
    }
    // Fourteen real renders: on the shared 2-core machine under a full test run this took over 30 s.
  }, 120_000);

  it('passes vega warnings back to the caller', async () => {
    const warnings: string[] = [];
    await pool.render(
      {
        mark: 'bar',
        data: { values: [{ a: 1 }] },
        encoding: { x: { field: 'a', type: 'quantitative' }, size: { field: 'nope', type: 'nominal' } },
      },
      (w) => warnings.push(w),
    );
    expect(warnings.join(' ')).toMatch(/size/i);
  });

  it('refuses at once with E_BUSY when its queue is full', async () => {
    const tiny = createRenderPool(1, 1);
    try {
      const s = await spec('/cards');
      const results = await Promise.allSettled([1, 2, 3, 4].map(() => tiny.render(s)));
      const refused = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
      expect(refused.length).toBeGreaterThanOrEqual(1);
      expect(refused[0]!.reason).toBeInstanceOf(HfbotError);
      expect(refused[0]!.reason.code).toBe('E_BUSY');
      expect(refused[0]!.reason.message).toMatch(/renderer is busy/);
      expect(results.filter((r) => r.status === 'fulfilled').length).toBeGreaterThanOrEqual(2);
    } finally {
      await tiny.close();
    }
  }, 120_000);
});

describe('render/render-chart per-user limit', () => {
  it('lets one user have N charts waiting or drawing, refuses the next with a specific message, others unaffected', async () => {
    const gates: (() => void)[] = [];
    const r = createChartRenderer({
      perOwner: 2,
      renderSpec: () => new Promise((res) => gates.push(() => res(new Uint8Array([7])))),
    });
    const a1 = r.render({ n: 1 }, 'v', undefined, 'web:ann');
    const a2 = r.render({ n: 2 }, 'v', undefined, 'web:ann');
    const a3 = await r.render({ n: 3 }, 'v', undefined, 'web:ann').catch((e: HfbotError) => e);
    expect(a3).toBeInstanceOf(HfbotError);
    expect((a3 as HfbotError).code).toBe('E_BUSY');
    expect((a3 as HfbotError).message).toBe(
      'The chart was not drawn: you already have 2 charts being drawn. The numbers above are complete; ask again for the chart when those are done.',
    );
    expect(r.active('web:ann')).toBe(2);
    const b1 = r.render({ n: 4 }, 'v', undefined, 'web:bob');
    expect(r.active('web:bob')).toBe(1);
    for (const g of gates) g();
    await Promise.all([a1, a2, b1]);
    expect(r.active('web:ann')).toBe(0);
    // Done ones free the slots, and a cached chart never counts.
    const again = r.render({ n: 1 }, 'v', undefined, 'web:ann');
    await expect(again).resolves.toMatchObject({ cached: true });
    const a5 = r.render({ n: 5 }, 'v', undefined, 'web:ann');
    gates.at(-1)!();
    await expect(a5).resolves.toMatchObject({ cached: false });
  });

  it('frees the slot when a render fails', async () => {
    const r = createChartRenderer({ perOwner: 1, renderSpec: async () => Promise.reject(new Error('boom')) });
    await expect(r.render({ n: 1 }, 'v', undefined, 'slack:U1')).rejects.toThrow('boom');
    expect(r.active('slack:U1')).toBe(0);
  });
});
