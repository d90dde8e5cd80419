import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackBot, type RunningSlack } from '../../../src/bot/slack/slack-bot.js';
import { startSlack } from '../../../src/bot/slack/start-slack.js';
import { startFakeSlack, type FakeSlack } from '../../helpers/fake-slack.js';
import { testServices } from '../../helpers/dataset.js';
import { stubRender, testCommands } from '../test-commands.js';

describe('bot/slack (Socket Mode)', () => {
  let fake: FakeSlack;
  let bot: RunningSlack;
  let services: Awaited<ReturnType<typeof testServices>>;

  beforeAll(async () => {
    fake = await startFakeSlack();
    services = await testServices({
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_APP_TOKEN: 'xapp-test',
      SLACK_API_URL: fake.apiUrl,
    });
    bot = await createSlackBot(services, { commands: testCommands().commands, renderPng: stubRender });
  });
  afterAll(async () => {
    await bot?.close();
    await fake?.close();
    services?.db.close();
  });

  it('connects through apps.connections.open (with the app token) to the loopback WebSocket', async () => {
    expect(bot.mode).toBe('socket');
    expect(fake.callsTo('apps.connections.open')).toHaveLength(1);
    await fake.socketConnected();
  });

  it('acks a slash-command envelope, then posts the answer and uploads the chart', async () => {
    const acked = fake.sendEnvelope('slash_commands', {
      command: '/plot',
      text: 'kind:line',
      user_id: 'USOCK',
      user_name: 'sock',
      channel_id: 'C777',
      team_id: 'T000',
      response_url: fake.responseUrl('sock-1'),
      trigger_id: 't',
    });
    const ack = await acked;
    expect(ack.envelope_id).toMatch(/^env-/);
    const post = await fake.waitFor(() => fake.callsTo('chat.postMessage').find((c) => c.params.channel === 'C777'));
    expect(post.params.text).toMatch(/^A line chart/);
    const done = await fake.waitFor(() =>
      fake.callsTo('files.completeUploadExternal').find((c) => c.params.channel_id === 'C777'),
    );
    expect(done).toBeTruthy();
  });

  it('an error goes to response_url as an ephemeral message', async () => {
    await fake.sendEnvelope('slash_commands', {
      command: '/nosuch',
      text: '',
      user_id: 'USOCK2',
      user_name: 's',
      channel_id: 'C777',
      team_id: 'T000',
      response_url: fake.responseUrl('sock-2'),
      trigger_id: 't',
    });
    const r = await fake.waitFor(() => fake.responses.find((x) => x.id === 'sock-2'));
    expect(r.body).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringMatching(/^Unknown command \/nosuch/),
    });
  });

  it('startSlack skips with a log line when Slack is not configured', async () => {
    const s = await testServices({}, services.config.HFBOT_DB);
    expect(await startSlack(s, {})).toBeNull();
    expect(s.logger.lines.some((l) => l.level === 'info' && /slack: not configured/.test(l.msg))).toBe(true);
    s.db.close();
  });
});
