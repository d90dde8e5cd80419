import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announce } from '../../src/bot/announce.js';
import { APP_ID, startFakeDiscord, type FakeDiscord } from '../helpers/fake-discord.js';
import { startFakeSlack, type FakeSlack } from '../helpers/fake-slack.js';
import { buildTestDataset, testServices } from '../helpers/dataset.js';
import type { Reply } from '../../src/commands/types.js';
import { isPng, stubRender } from './test-commands.js';

const DISCORD_CHANNEL = '200000000000000099';

const reply: Reply = {
  text: 'Monthly refresh: 12 new forum topics.',
  table: { columns: ['month', 'topics'], rows: [['2026-10', 12]] },
  chart: {
    mark: 'bar',
    data: { values: [{ month: '2026-10', topics: 12 }] },
    encoding: { x: { field: 'month' }, y: { field: 'topics', type: 'quantitative' } },
  },
  data: {},
  provenance: { datasetVersion: 'mined-2026-11-22', sources: ['HuggingFace Forums'], n: 12 },
};

describe('bot/announce', () => {
  let discord: FakeDiscord;
  let slack: FakeSlack;
  let db: string;
  beforeAll(async () => {
    [discord, slack, db] = await Promise.all([startFakeDiscord(), startFakeSlack(), buildTestDataset()]);
  });
  afterAll(async () => {
    await discord?.close();
    await slack?.close();
  });

  it('posts text and the PNG to both announcement channels, rendering the chart once', async () => {
    const s = await testServices(
      {
        DISCORD_TOKEN: 'fake-token',
        DISCORD_APPLICATION_ID: APP_ID,
        DISCORD_API_URL: discord.apiUrl,
        DISCORD_ANNOUNCE_CHANNEL: DISCORD_CHANNEL,
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: 's',
        SLACK_API_URL: slack.apiUrl,
        SLACK_ANNOUNCE_CHANNEL: 'CANNOUNCE',
      },
      db,
    );
    let renders = 0;
    const results = await announce(reply, s, {
      renderPng: async () => {
        renders++;
        return stubRender();
      },
    });
    expect(renders).toBe(1);
    expect(results).toEqual([
      {
        platform: 'discord',
        status: 'posted',
        channel: DISCORD_CHANNEL,
        id: expect.any(String),
        files: ['chart.png', 'refresh.csv'],
      },
      {
        platform: 'slack',
        status: 'posted',
        channel: 'CANNOUNCE',
        id: expect.any(String),
        files: ['chart.png', 'refresh.csv'],
      },
    ]);
    const d = discord.requests.find((r) => r.method === 'POST' && r.path === `/channels/${DISCORD_CHANNEL}/messages`)!;
    expect((d.body as { embeds: { description: string }[] }).embeds[0]!.description).toMatch(
      /^Monthly refresh: 12 new forum topics\./,
    );
    expect(isPng(d.files[0]!.bytes)).toBe(true);
    const post = slack.callsTo('chat.postMessage').find((c) => c.params.channel === 'CANNOUNCE')!;
    expect(post.params.text).toMatch(/^Monthly refresh/);
    expect(slack.callsTo('files.completeUploadExternal').at(-1)!.params.channel_id).toBe('CANNOUNCE');
    expect(isPng(slack.uploads.find((u) => u.name === 'chart.png')!.bytes)).toBe(true);
    expect(slack.uploads.find((u) => u.name === 'refresh.csv')!.bytes.toString('utf8')).toBe(
      'month,topics\r\n2026-10,12\r\n',
    );
    s.db.close();
  });

  it('skips unconfigured platforms with a log line and reports failures without throwing', async () => {
    const s = await testServices(
      {
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: 's',
        SLACK_API_URL: slack.apiUrl,
        SLACK_ANNOUNCE_CHANNEL: 'CGONE',
      },
      db,
    );
    slack.failNext('chat.postMessage', 'channel_not_found');
    const results = await announce({ ...reply, chart: null }, s);
    expect(results[0]).toEqual({ platform: 'discord', status: 'skipped', reason: 'DISCORD_TOKEN is not set' });
    expect(results[1]).toMatchObject({
      platform: 'slack',
      status: 'failed',
      channel: 'CGONE',
      error: expect.stringMatching(/channel_not_found/),
    });
    expect(
      s.logger.lines.some(
        (l) => l.level === 'info' && l.msg === 'announce: discord skipped (DISCORD_TOKEN is not set)',
      ),
    ).toBe(true);
    s.db.close();
  });
});
