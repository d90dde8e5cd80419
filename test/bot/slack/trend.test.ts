/** The scenario on the real registry and the real chart renderer: /trend llama on Slack. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackBot, type RunningSlack } from '../../../src/bot/slack/slack-bot.js';
import { commands } from '../../../src/commands/index.js';
import { slackSignature, slashBody, startFakeSlack, type FakeSlack } from '../../helpers/fake-slack.js';
import { testServices } from '../../helpers/dataset.js';
import { isPng } from '../test-commands.js';

const SECRET = 'trend-secret';
const hasTrend = commands.some((c) => c.definition.name === 'trend');

describe.runIf(hasTrend)('bot/slack /trend end to end', () => {
  let fake: FakeSlack;
  let bot: RunningSlack;
  let services: Awaited<ReturnType<typeof testServices>>;
  beforeAll(async () => {
    fake = await startFakeSlack();
    services = await testServices({
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.apiUrl,
    });
    bot = await createSlackBot(services, { host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await bot?.close();
    await fake?.close();
    services?.db.close();
  });

  it('/trend llama: 200 ack, Block Kit answer, real PNG uploaded to the channel', async () => {
    const body = slashBody({
      command: '/trend',
      text: 'llama',
      user: 'UTREND',
      channel: 'CTREND',
      responseUrl: fake.responseUrl('trend'),
    });
    const ts = Math.floor(Date.now() / 1000);
    const res = await fetch(`http://127.0.0.1:${bot.port}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': slackSignature(SECRET, ts, body),
      },
      body,
    });
    expect(res.status).toBe(200);
    const post = await fake.waitFor(
      () => fake.callsTo('chat.postMessage').find((c) => c.params.channel === 'CTREND'),
      20_000,
    );
    expect(String(post.params.text).toLowerCase()).toContain('llama');
    const done = await fake.waitFor(
      () => fake.callsTo('files.completeUploadExternal').find((c) => c.params.channel_id === 'CTREND'),
      20_000,
    );
    expect(done).toBeTruthy();
    // The chart and the table's CSV (trend-llama.csv) are both uploaded; the chart is named and
    // titled after the command, not "chart.png" / "Chart".
    const png = await fake.waitFor(() => fake.uploads.find((u) => u.name === 'trend-llama.png'));
    expect(isPng(png.bytes)).toBe(true);
    await fake.waitFor(() => fake.uploads.find((u) => u.name === 'trend-llama.csv'));
    const pngDone = await fake.waitFor(() =>
      fake
        .callsTo('files.completeUploadExternal')
        .find((c) => (c.params.files as { title?: string }[])[0]?.title?.startsWith('/trend llama')),
    );
    expect((pngDone.params.files as { title?: string }[])[0]!.title).toBe(
      '/trend llama: forum mentions vs Hub uploads',
    );
  });
});
