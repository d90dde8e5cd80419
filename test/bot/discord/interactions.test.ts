import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordBot, type RunningDiscord } from '../../../src/bot/discord/discord-bot.js';
import { startDiscord } from '../../../src/bot/discord/start-discord.js';
import { createRateLimiter } from '../../../src/commands/checks/rate-limit.js';
import { APP_ID, startFakeDiscord, type DiscordRequest, type FakeDiscord } from '../../helpers/fake-discord.js';
import { testServices } from '../../helpers/dataset.js';
import { isPng, stubRender, testCommands } from '../test-commands.js';

const EPHEMERAL = 64;
const DEFERRED = 5;
const UPDATE_MESSAGE = 7;
const STRING = 3;
const INTEGER = 4;

describe('bot/discord (gateway + interactions)', () => {
  let fake: FakeDiscord;
  let bot: RunningDiscord;
  let services: Awaited<ReturnType<typeof testServices>>;
  let tc: ReturnType<typeof testCommands>;
  let renderFails = false;

  beforeAll(async () => {
    fake = await startFakeDiscord();
    services = await testServices({
      DISCORD_TOKEN: 'fake-token',
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_API_URL: fake.apiUrl,
      HFBOT_COMMAND_TIMEOUT_MS: '300',
    });
    tc = testCommands();
    bot = await createDiscordBot(services, {
      commands: tc.commands,
      limiter: createRateLimiter({ limit: 3 }),
      renderPng: async () => {
        if (renderFails) throw new Error('renderer exploded');
        return stubRender();
      },
    });
  });
  afterAll(async () => {
    await bot?.close();
    await fake?.close();
    services?.db.close();
  });
  afterEach(() => {
    renderFails = false;
  });

  const callback = (x: { id: string; token: string }) =>
    fake.waitFor(() => fake.forInteraction(x).find((r) => r.path.endsWith('/callback')));
  const edit = (x: { id: string; token: string }) =>
    fake.waitFor(() =>
      fake.forInteraction(x).find((r) => r.method === 'PATCH' && r.path.endsWith('/messages/@original')),
    );
  const followUp = (x: { id: string; token: string }) =>
    fake.waitFor(() => fake.forInteraction(x).find((r) => r.method === 'POST' && r.path.startsWith('/webhooks/')));
  // biome-ignore lint/suspicious/noExplicitAny: assertions walk arbitrary payload shapes
  const body = (r: DiscordRequest) => r.body as Record<string, any>;

  it('logs in through the fake gateway: GET /gateway/bot, HELLO, IDENTIFY with the token, READY', () => {
    expect(fake.requests.some((r) => r.method === 'GET' && r.path === '/gateway/bot')).toBe(true);
    expect(fake.identifies[0]).toMatchObject({ token: 'fake-token', intents: 1 });
    expect(bot.client.user.id).toBeTruthy();
  });

  it('/dataset: defers first, then edits the reply with an embed carrying the text, table and provenance', async () => {
    const x = fake.chatInput('dataset');
    const cb = await callback(x);
    expect(body(cb)).toMatchObject({ type: DEFERRED });
    expect(body(cb).data.flags ?? 0).toBe(0);
    const e = await edit(x);
    const embed = body(e).embeds[0];
    expect(embed.description).toMatch(/^Dataset saner2024-/);
    expect(embed.description).toMatch(/```\nfile\s+rows\s+sha256/);
    expect(embed.footer.text).toMatch(/^dataset saner2024-/);
    // The table travels whole as a CSV (issue 13 item 1), named after the command.
    expect(e.files.map((f) => f.name)).toEqual(['dataset.csv']);
    expect(e.files[0]!.bytes.toString('utf8').split('\r\n')[0]).toBe('file,rows,sha256');
    expect(embed.description).toContain('The table (8 rows) is also attached as dataset.csv.');
  });

  it('a chart reply carries the PNG as an attachment shown in the embed, plus select and button components', async () => {
    const x = fake.chatInput('plot', [{ name: 'kind', type: STRING, value: 'line' }]);
    const e = await edit(x);
    expect(e.files.map((f) => f.name)).toEqual(['chart.png', 'plot-kind-line.csv']);
    expect(isPng(e.files[0]!.bytes)).toBe(true);
    expect(e.files[1]!.bytes.toString('utf8')).toBe('month,n\r\n2021-01,3\r\n2021-02,5\r\n');
    expect(body(e).attachments).toEqual([expect.objectContaining({ id: '0' }), expect.objectContaining({ id: '1' })]);
    expect(body(e).embeds[0]).toMatchObject({
      description: expect.stringMatching(/^A line chart/),
      image: { url: 'attachment://chart.png' },
      footer: { text: 'dataset test-1 | source: unit test | n=2' },
    });
    const rows = body(e).components;
    expect(rows[0].components[0]).toMatchObject({
      type: 3,
      custom_id: 'hfbot:t:echo {value}',
      options: [
        { label: 'seven', value: '7' },
        { label: 'eight', value: '8' },
      ],
    });
    expect(rows[1].components[0]).toMatchObject({
      type: 2,
      style: 1,
      label: 'Line chart',
      custom_id: 'hfbot:t:plot kind:line',
    });
  });

  it('answers with text only (and a note) when the chart cannot be rendered, and logs it', async () => {
    renderFails = true;
    const x = fake.chatInput('plot');
    const e = await edit(x);
    expect(e.files.map((f) => f.name)).toEqual(['plot.csv']);
    expect(body(e).embeds[0].description).toMatch(/A bar chart[\s\S]*could not be drawn/);
    expect(body(e).embeds[0].image).toBeUndefined();
    expect(services.logger.lines.some((l) => l.level === 'error' && l.msg.includes('chart rendering failed'))).toBe(
      true,
    );
  });

  it('a bad option gets an immediate ephemeral error with the specific message, and nothing runs', async () => {
    const runs = tc.runs.length;
    const x = fake.chatInput('echo', [{ name: 'n', type: INTEGER, value: 5000 }]);
    const cb = await callback(x);
    expect(body(cb)).toMatchObject({
      type: 4,
      data: {
        flags: EPHEMERAL,
        content: expect.stringMatching(/^\/echo: n must be a whole number from 0 to 1000; got 5000\./),
      },
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(tc.runs.length).toBe(runs);
  });

  it('a throwing command and a timing-out command still get an ephemeral answer', async () => {
    const boom = fake.chatInput('boom', [], { id: '200000000000000020', username: 'bob' });
    const slow = fake.chatInput('slow', [], { id: '200000000000000021', username: 'carol' });
    for (const [x, re] of [
      [boom, /went wrong on our side/],
      [slow, /^\/slow took longer than/],
    ] as const) {
      expect(body(await callback(x)).type).toBe(DEFERRED);
      const f = await followUp(x);
      expect(body(f)).toMatchObject({ flags: EPHEMERAL, content: expect.stringMatching(re) });
      expect(fake.forInteraction(x).some((r) => r.method === 'DELETE')).toBe(true);
    }
  });

  it('subcommands: /probe thread runs "probe thread" and posts the answer in a new thread on the reply', async () => {
    const x = fake.chatInput('probe', [
      { name: 'thread', type: 1, options: [{ name: 'topic', type: INTEGER, value: 12 }] },
    ]);
    const e = await edit(x);
    expect(body(e).content).toBe('Thread: Coding round 12');
    const thread = await fake.waitFor(() =>
      fake.requests.find((r) => /\/channels\/\d+\/messages\/\d+\/threads$/.test(r.path)),
    );
    expect(body(thread)).toMatchObject({ name: 'Coding round 12' });
    const post = await fake.waitFor(() =>
      fake.requests.find(
        (r) =>
          r.method === 'POST' &&
          /^\/channels\/\d+\/messages$/.test(r.path) &&
          body(r).embeds?.[0]?.description === 'Topic 12',
      ),
    );
    expect(post.path).not.toContain(thread.path.split('/')[2]);
  });

  it('autocomplete offers model types from the dataset', async () => {
    const x = fake.autocomplete('plot', [{ name: 'model', type: STRING, value: 'lla', focused: true }]);
    const cb = await callback(x);
    expect(body(cb).type).toBe(8);
    const names = (body(cb).data.choices as { name: string; value: string }[]).map((c) => c.value);
    expect(names.length).toBeGreaterThan(0);
    expect(names[0]!.toLowerCase().startsWith('lla')).toBe(true);
  });

  it('a select menu runs its command with {value} as the clicking user', async () => {
    // The answer takes the place of the message the control was on: UPDATE_MESSAGE (7), no new message.
    const x = fake.component('hfbot:t:echo {value}', ['7'], { id: '200000000000000030', username: 'dave' });
    const cb = await callback(x);
    expect(body(cb).type).toBe(UPDATE_MESSAGE);
    expect(body(cb).data.embeds[0].description).toBe('echo 7 for 200000000000000030');
    const b = fake.component('hfbot:t:echo 9', null, { id: '200000000000000031', username: 'erin' });
    expect(body(await callback(b)).data.embeds[0].description).toBe('echo 9 for 200000000000000031');
    expect(fake.forInteraction(x).filter((r) => r.path.startsWith('/webhooks/'))).toEqual([]);
  });

  it('rate-limits per user with a friendly ephemeral message', async () => {
    const u = { id: '200000000000000040', username: 'frank' };
    for (let i = 0; i < 3; i++) await edit(fake.chatInput('echo', [{ name: 'n', type: INTEGER, value: i }], u));
    const x = fake.chatInput('echo', [{ name: 'n', type: INTEGER, value: 3 }], u);
    expect(body(await callback(x))).toMatchObject({
      type: 4,
      data: { flags: EPHEMERAL, content: expect.stringMatching(/please wait \d+ s/) },
    });
  });

  it('answers 50 concurrent commands from 50 users, each with its own answer', async () => {
    const xs = Array.from({ length: 50 }, (_, i) => ({
      i,
      user: { id: String(200000000000001000n + BigInt(i)), username: `u${i}` },
    })).map(({ i, user }) => ({ i, user, x: fake.chatInput('echo', [{ name: 'n', type: INTEGER, value: i }], user) }));
    for (const { i, user, x } of xs) {
      const e = await edit(x);
      expect(body(e).embeds[0].description).toBe(`echo ${i} for ${user.id}`);
    }
  });

  it('startDiscord skips with a log line when DISCORD_TOKEN is unset', async () => {
    const s = await testServices({}, services.config.HFBOT_DB);
    expect(await startDiscord(s, {})).toBeNull();
    expect(s.logger.lines.some((l) => l.level === 'info' && /discord: not configured/.test(l.msg))).toBe(true);
    s.db.close();
  });
});
