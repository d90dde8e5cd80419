import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSlackBot, type RunningSlack } from '../../../src/bot/slack/slack-bot.js';
import { createRateLimiter } from '../../../src/commands/checks/rate-limit.js';
import { slackSignature, slashBody, startFakeSlack, type FakeSlack } from '../../helpers/fake-slack.js';
import { testServices } from '../../helpers/dataset.js';
import { isPng, stubRender, testCommands } from '../test-commands.js';

const SECRET = 'test-signing-secret';

describe('bot/slack (HTTP mode)', () => {
  let fake: FakeSlack;
  let bot: RunningSlack;
  let services: Awaited<ReturnType<typeof testServices>>;
  let tc: ReturnType<typeof testCommands>;
  let renderFails = false;
  let rid = 0;

  beforeAll(async () => {
    fake = await startFakeSlack();
    services = await testServices({
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.apiUrl,
      HFBOT_COMMAND_TIMEOUT_MS: '300',
    });
    tc = testCommands();
    bot = await createSlackBot(services, {
      commands: tc.commands,
      host: '127.0.0.1',
      port: 0,
      limiter: createRateLimiter({ limit: 3 }),
      renderPng: async (_r, _s) => {
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

  const url = () => `http://127.0.0.1:${bot.port}/slack/events`;
  async function post(body: string, headers: Record<string, string>): Promise<Response> {
    return fetch(url(), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body,
    });
  }
  function signed(body: string, ts = Math.floor(Date.now() / 1000), secret = SECRET) {
    return post(body, {
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': slackSignature(secret, ts, body),
    });
  }
  /** Sends a signed slash command and returns its response_url id. */
  async function slash(command: string, text: string, user = 'U1') {
    const id = `r${++rid}`;
    const res = await signed(slashBody({ command, text, user, responseUrl: fake.responseUrl(id) }));
    expect(res.status).toBe(200);
    return id;
  }
  const posted = (pred: (text: string) => boolean) =>
    fake.waitFor(() => fake.callsTo('chat.postMessage').find((c) => pred(String(c.params.text))));
  const responded = (id: string) => fake.waitFor(() => fake.responses.find((r) => r.id === id));

  it('acks a signed /dataset at once, then posts Block Kit: text, table code block, provenance context', async () => {
    const started = performance.now();
    const id = `r${++rid}`;
    const res = await signed(
      slashBody({ command: '/dataset', text: '', user: 'UDATA', responseUrl: fake.responseUrl(id) }),
    );
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(1000);
    const call = await posted((t) => t.startsWith('Dataset '));
    expect(call.params.channel).toBe('C000');
    const blocks = call.params.blocks as { type: string; text?: { text: string }; elements?: { text: string }[] }[];
    expect(blocks[0]!.type).toBe('section');
    expect(blocks[0]!.text!.text).toMatch(/coded topics/);
    expect(blocks[1]!.text!.text).toMatch(/^```file\s+rows\s+sha256/);
    expect(blocks.at(-1)!.type).toBe('context');
    expect(blocks.at(-1)!.elements![0]!.text).toMatch(/^dataset saner2024-/);
    expect(fake.responses.find((r) => r.id === id)).toBeUndefined();
  });

  it('uploads the chart PNG and the table CSV with files.uploadV2 (getUploadURLExternal, upload, completeUploadExternal)', async () => {
    const before = fake.uploads.length;
    await slash('/plot', 'kind:line', 'UPLOT');
    const csv = await fake.waitFor(() => fake.uploads.slice(before).find((u) => u.name === 'plot-kind-line.csv'));
    const png = fake.uploads.slice(before).find((u) => u.name === 'chart.png')!;
    expect(isPng(png.bytes)).toBe(true);
    const complete = await fake.waitFor(() =>
      fake
        .callsTo('files.completeUploadExternal')
        .find((c) => (c.params.files as { id: string }[])[0]!.id === png.fileId),
    );
    expect(complete.params.channel_id).toBe('C000');
    const get = fake.callsTo('files.getUploadURLExternal').find((g) => g.params.filename === 'chart.png')!;
    expect(Number(get.params.length)).toBe(png.bytes.length);
    // The CSV holds every row of the table, through the one CSV writer.
    expect(csv.bytes.toString('utf8')).toBe('month,n\r\n2021-01,3\r\n2021-02,5\r\n');
    // Controls are rendered: a static_select whose block carries the template, and a button.
    const msg = await posted((t) => t.startsWith('A line chart'));
    const blocks = msg.params.blocks as {
      type: string;
      block_id?: string;
      elements?: { type: string; value?: string }[];
    }[];
    const actions = blocks.filter((b) => b.type === 'actions');
    expect(actions[0]!.elements![0]!.type).toBe('static_select');
    expect(actions[1]!.elements![0]).toMatchObject({ type: 'button', value: 't:plot kind:line' });
  });

  it('still answers with text (and a note) when the chart cannot be rendered, and logs it', async () => {
    renderFails = true;
    const uploads = fake.uploads.length;
    await slash('/plot', '', 'URENDER');
    const msg = await posted((t) => t.startsWith('A bar chart'));
    const context = (msg.params.blocks as { type: string; elements?: { text: string }[] }[]).find(
      (b) => b.type === 'context',
    )!;
    expect(context.elements!.map((e) => e.text).join(' ')).toMatch(/could not be drawn/);
    // No PNG; the table's CSV still goes out.
    const csv = await fake.waitFor(() => fake.uploads.slice(uploads).find((u) => u.name === 'plot.csv'));
    expect(fake.uploads.slice(uploads).map((u) => u.name)).not.toContain('chart.png');
    await fake.waitFor(() =>
      fake
        .callsTo('files.completeUploadExternal')
        .find((c) => (c.params.files as { id: string }[])[0]!.id === csv.fileId),
    );
    expect(services.logger.lines.some((l) => l.level === 'error' && l.msg.includes('chart rendering failed'))).toBe(
      true,
    );
  });

  it.each([
    ['unsigned', (body: string) => post(body, {})],
    ['wrongly signed', (body: string) => signed(body, Math.floor(Date.now() / 1000), 'not-the-secret')],
    ['stale (6 minutes old)', (body: string) => signed(body, Math.floor(Date.now() / 1000) - 6 * 60)],
  ])('rejects %s requests with 401 and runs nothing', async (_name, send) => {
    const runs = tc.runs.length;
    const calls = fake.calls.length;
    const id = `bad${++rid}`;
    const res = await send(
      slashBody({ command: '/echo', text: '1', user: 'UATTACK', responseUrl: fake.responseUrl(id) }),
    );
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(tc.runs.length).toBe(runs);
    expect(fake.calls.length).toBe(calls);
    expect(fake.responses.find((r) => r.id === id)).toBeUndefined();
  });

  it('answers a bad option with a specific ephemeral message through response_url', async () => {
    const id = await slash('/plot', 'kind:pie', 'UBAD');
    const r = await responded(id);
    expect(r.body.response_type).toBe('ephemeral');
    expect(r.body.text).toMatch(/^\/plot: kind must be one of bar, line; got "pie"\./);
  });

  it('a throwing command and a timing-out command both get an ephemeral answer', async () => {
    const boom = await slash('/boom', '', 'UBOOM');
    const slow = await slash('/slow', '', 'USLOW');
    expect((await responded(boom)).body).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringMatching(/went wrong on our side/),
    });
    expect((await responded(slow)).body).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringMatching(/^\/slow took longer than/),
    });
  });

  it('the /hfbot umbrella command takes a whole command line', async () => {
    await slash('/hfbot', 'echo 42', 'UUMB');
    await posted((t) => t === 'echo 42 for UUMB');
  });

  it('rate-limits per user with a friendly ephemeral message', async () => {
    for (let i = 0; i < 3; i++) await slash('/echo', String(i), 'URATE');
    const id = await slash('/echo', '99', 'URATE');
    const r = await responded(id);
    expect(r.body).toMatchObject({ response_type: 'ephemeral', text: expect.stringMatching(/please wait \d+ s/) });
    // Another user is unaffected.
    await slash('/echo', '5', 'UOTHER');
    await posted((t) => t === 'echo 5 for UOTHER');
  });

  it('answers privately when chat.postMessage is refused (bot not in the channel)', async () => {
    fake.failNext('chat.postMessage', 'not_in_channel');
    const id = await slash('/echo', '7', 'UNOTIN');
    const r = await responded(id);
    expect(r.body.response_type).toBe('ephemeral');
    expect(String(r.body.text)).toMatch(/could not be posted[\s\S]*echo 7 for UNOTIN/);
  });

  it('runs a button or select action as the clicking user', async () => {
    const payload = (action: Record<string, unknown>, user: string) =>
      new URLSearchParams({
        payload: JSON.stringify({
          type: 'block_actions',
          user: { id: user, username: user.toLowerCase(), team_id: 'T000' },
          api_app_id: 'A000',
          team: { id: 'T000' },
          channel: { id: 'C000', name: 'research' },
          container: { type: 'message', message_ts: '1700000000.000001', channel_id: 'C000' },
          message: { ts: '1700000000.000001', text: 'A bar chart' },
          response_url: fake.responseUrl(`act-${user}`),
          trigger_id: 't',
          actions: [action],
        }),
      }).toString();
    const sel = await signed(
      payload(
        {
          type: 'static_select',
          action_id: 'hfbot:pick',
          block_id: 't:echo {value}',
          selected_option: { value: '8', text: { type: 'plain_text', text: 'eight' } },
          action_ts: '1',
        },
        'UCLICK',
      ),
    );
    expect(sel.status).toBe(200);
    // The answer takes the place of the message the select was in (response_url, replace_original).
    expect((await responded('act-UCLICK')).body).toMatchObject({ replace_original: true, text: 'echo 8 for UCLICK' });
    const btn = await signed(
      payload({ type: 'button', action_id: 'hfbot:again', block_id: 'b', value: 't:echo 9', action_ts: '1' }, 'UBTN'),
    );
    expect(btn.status).toBe(200);
    expect((await responded('act-UBTN')).body).toMatchObject({ replace_original: true, text: 'echo 9 for UBTN' });
    expect(fake.callsTo('chat.postMessage').some((c) => /echo [89] for/.test(String(c.params.text)))).toBe(false);
  });

  it('answers 50 concurrent commands from 50 users, each with its own answer', async () => {
    const users = Array.from({ length: 50 }, (_, i) => `UCONC${i}`);
    const ids = await Promise.all(users.map((u, i) => slash('/echo', String(i), u)));
    expect(ids).toHaveLength(50);
    for (const [i, u] of users.entries()) await posted((t) => t === `echo ${i} for ${u}`);
    const mine = fake.callsTo('chat.postMessage').filter((c) => String(c.params.text).includes('for UCONC'));
    expect(mine).toHaveLength(50);
  });
});
