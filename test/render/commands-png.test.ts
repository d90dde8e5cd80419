/**
 * Every command with numbers, end to end in-process: command -> chart spec -> PNG that decodes,
 * fits an inline chat preview (1000-1600 px wide at 2x) and is the same whatever the time zone.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCommandText } from '../../src/commands/run.js';
import { commands } from '../../src/commands/index.js';
import { renderReplyPng } from '../../src/render/reply-png.js';
import { createChartRenderer } from '../../src/render/render-chart.js';
import type { Services } from '../../src/commands/types.js';
import { testServices, testUser } from '../helpers/dataset.js';
import { pngSize } from './png-helpers.js';

let services: Services & { logger: { lines: { msg: string }[] } };
const originalTz = process.env.TZ;

beforeAll(async () => {
  services = await testServices();
});

afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

async function png(cmd: string): Promise<Uint8Array> {
  const reply = await runCommandText(cmd, { user: testUser(), services }, commands);
  expect(reply.error).toBeUndefined();
  expect(reply.chart).toBeTruthy();
  return renderReplyPng(reply, services, createChartRenderer());
}

describe('render/commands-png', () => {
  it.each([
    '/trend llama',
    '/trend bart',
    '/trend bert roberta t5 gpt2 bart',
    '/trends',
    '/trends significant:true',
    '/popular',
    '/popular top:8',
    '/cards',
    '/cards scale:linear',
    '/popular scale:linear',
    '/challenges',
    '/challenges beginner',
    '/challenges level:compare',
    '/benefits',
    '/rootcauses',
  ])('%s renders a chat-sized PNG', async (cmd) => {
    const size = pngSize(await png(cmd));
    expect(size.width).toBeGreaterThanOrEqual(1000);
    expect(size.width).toBeLessThanOrEqual(1600);
    expect(size.height).toBeGreaterThanOrEqual(400);
    expect(size.height).toBeLessThanOrEqual(2100);
  });

  it('draws month axes the same in every time zone (months are UTC, not local)', async () => {
    process.env.TZ = 'UTC';
    const utc = Buffer.from(await png('/trend bart'));
    process.env.TZ = 'America/Los_Angeles';
    expect(new Date('2020-07-01').getMonth()).toBe(5); // the trap: local time puts it in June
    const la = Buffer.from(await png('/trend bart'));
    process.env.TZ = 'Asia/Tokyo';
    const tokyo = Buffer.from(await png('/cards'));
    process.env.TZ = 'UTC';
    expect(la.equals(utc)).toBe(true);
    expect(tokyo.equals(Buffer.from(await png('/cards')))).toBe(true);
  });

  it('draws the agreement heatmap of a small round the same in every time zone', async () => {
    const run = (text: string, user: string) => runCommandText(text, { user: testUser(user), services }, commands);
    expect((await run('/code start name:heat size:8 raters:alice,bob seed:heat', 'olga')).error).toBeUndefined();
    const topics = (
      services.db
        .prepare(
          'SELECT topic_id FROM round_topics t JOIN rounds r ON r.id = t.round_id WHERE r.name = ? ORDER BY position',
        )
        .all('heat') as { topic_id: number }[]
    ).map((r) => r.topic_id);
    const [a, b] = [
      ['C1', 'C1', 'C2', 'C2', 'C2', 'C3', 'C1', 'C4'],
      ['C1', 'C2', 'C2', 'C2', 'C3', 'C3', 'C1', 'C1'],
    ];
    for (const [i, t] of topics.entries()) {
      expect((await run(`/code label ${t} ${a[i]} round:heat`, 'alice')).error).toBeUndefined();
      expect((await run(`/code label ${t} ${b[i]} round:heat`, 'bob')).error).toBeUndefined();
    }
    const reply = await run('/code agreement heat', 'olga');
    expect(reply.chartName?.file).toBe('code-agreement-heat.png');
    process.env.TZ = 'Pacific/Auckland';
    const nz = Buffer.from(await renderReplyPng(reply, services, createChartRenderer()));
    process.env.TZ = 'UTC';
    const utc = Buffer.from(await renderReplyPng(reply, services, createChartRenderer()));
    expect(nz.equals(utc)).toBe(true);
    const size = pngSize(utc);
    expect(size.width).toBeGreaterThanOrEqual(700);
    expect(size.width).toBeLessThanOrEqual(1600);
  });

  it('logs no vega-lite warnings for any command chart', async () => {
    for (const cmd of [
      '/trend llama',
      '/trend bert vit llama',
      '/trends',
      '/trends significant:true',
      '/popular',
      '/popular top:8',
      '/cards',
      '/cards scale:linear',
      '/challenges',
      '/challenges beginner',
      '/challenges level:compare',
      '/benefits',
      '/rootcauses',
    ])
      await png(cmd);
    expect(services.logger.lines.filter((l) => l.msg === 'chart spec warning')).toEqual([]);
  });
});
