/**
 * Regression: with the chart renderer (vega-lite) loaded first, importing discord.js crashed
 * ("string "Set()" is not iterable") because vega-lite adds Set.prototype.toJSON. The starter
 * and announce() must work in that order, and vega-lite must keep its method.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReplyPng } from '../../../src/render/reply-png.js';
import { startDiscord } from '../../../src/bot/discord/start-discord.js';
import { announce } from '../../../src/bot/announce.js';
import { APP_ID, startFakeDiscord, type FakeDiscord } from '../../helpers/fake-discord.js';
import { testServices } from '../../helpers/dataset.js';
import { isPng } from '../test-commands.js';

describe('bot/discord load order (chart renderer first)', () => {
  let fake: FakeDiscord;
  let services: Awaited<ReturnType<typeof testServices>>;
  const chartReply = {
    text: 'chart first',
    chart: { mark: 'bar', data: { values: [{ a: 1 }] }, encoding: { x: { field: 'a', type: 'quantitative' } } },
    data: {},
    provenance: null,
  } as const;
  beforeAll(async () => {
    fake = await startFakeDiscord();
    services = await testServices({
      DISCORD_TOKEN: 'fake-token',
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_ANNOUNCE_CHANNEL: '200000000000000099',
    });
  });
  afterAll(async () => {
    await fake?.close();
    services?.db.close();
  });

  it('starts Discord and announces after a chart was rendered', async () => {
    // Charts are drawn in worker threads now, but vega-lite can still be loaded on the main thread
    // (HFBOT_RENDER_THREADS=0, `hfbot ask --png`): load it here first, as the guard must survive that.
    await import('vega-lite');
    expect(isPng(await renderReplyPng({ ...chartReply }, services))).toBe(true);
    expect(typeof (Set.prototype as { toJSON?: unknown }).toJSON).toBe('function');
    const [d] = await announce({ ...chartReply }, services);
    expect(d).toMatchObject({ platform: 'discord', status: 'posted', files: ['chart.png'] });
    const running = await startDiscord(services, {});
    expect(running?.name).toBe('discord');
    await running?.close();
    expect(typeof (Set.prototype as { toJSON?: unknown }).toJSON).toBe('function');
  });
});
