/**
 * Issue 13 item 1 on Slack: every command's answer, built by the real Block Kit builder, stays
 * within every documented limit (platform-limits.ts), cuts no row and no fence, and carries its
 * table as a CSV holding every row; private answers (response_url, which carries no files) say
 * how many rows they show. The long ones also go through the bot to the strict fake Slack.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackMessage } from '../../../src/bot/slack/blocks.js';
import { createActionStore } from '../../../src/bot/action-store.js';
import { replyAttachments, tableCsvName, type Attachment } from '../../../src/bot/reply-attachments.js';
import { createSlackBot, type RunningSlack } from '../../../src/bot/slack/slack-bot.js';
import { commands } from '../../../src/commands/index.js';
import { createRateLimiter } from '../../../src/commands/checks/rate-limit.js';
import { slackSignature, slashBody, startFakeSlack, type FakeSlack } from '../../helpers/fake-slack.js';
import { slackMessageProblems } from '../../helpers/platform-limits.js';
import { testServices } from '../../helpers/dataset.js';
import { stubRender } from '../test-commands.js';
import { checkAnswer, unescapeSlack } from '../answer-checks.js';
import { commandOf, everyCommand, type Answer } from '../every-command.js';

const SECRET = 'long-answers-secret';
/** The fixture's round owner, as Slack names her: only she (or an admin or team member) sees /code agreement. */
const OLGA = 'U0OLGA001';

describe('bot/slack long answers', () => {
  let services: Awaited<ReturnType<typeof testServices>>;
  let answers: Answer[];
  let fake: FakeSlack;
  let bot: RunningSlack;

  beforeAll(async () => {
    fake = await startFakeSlack();
    services = await testServices({
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.apiUrl,
    });
    answers = await everyCommand(services, { platform: 'slack', olga: OLGA });
    bot = await createSlackBot(services, {
      commands,
      host: '127.0.0.1',
      port: 0,
      limiter: createRateLimiter({ limit: 1000 }),
      renderPng: stubRender,
    });
  }, 60_000);
  afterAll(async () => {
    await bot?.close();
    await fake?.close();
    services?.db.close();
  });

  it('covers every command of the registry', () => {
    const covered = new Set(answers.map((a) => commandOf(a.line)));
    expect(commands.map((c) => c.definition.name).filter((n) => !covered.has(n))).toEqual([]);
  });

  it('builds every answer within Block Kit limits, whole rows and fences, every row in the attached CSV', async () => {
    const store = createActionStore();
    for (const { line, reply } of answers) {
      const raw = line;
      const priv = Boolean(reply.error || reply.ephemeral);
      // As deliver.ts does: private answers go through response_url, which carries no files.
      const files: Attachment[] = priv ? [] : (await replyAttachments(reply, services, stubRender, { raw })).files;
      const m = slackMessage(reply, store, { raw, canAttach: !priv });
      if (m.textFile) files.push(m.textFile);
      expect(slackMessageProblems({ text: m.text, blocks: m.blocks }), line).toBeNull();
      const sections = (m.blocks as unknown as { type: string; text?: { text: string } }[])
        .filter((b) => b.type === 'section')
        .map((b) => unescapeSlack(b.text!.text));
      checkAnswer(reply, { texts: sections, files, csvName: priv ? null : tableCsvName(reply, raw) });
      expect(m.text.length).toBeLessThanOrEqual(3000);
    }
  });

  it('keeps the table in a section of its own, and /help code whole across sections', () => {
    const store = createActionStore();
    const by = (line: string) => answers.find((a) => a.line === line)!.reply;
    const trends = slackMessage(by('/trends'), store, { raw: '/trends' }).blocks as unknown as {
      text?: { text: string };
    }[];
    expect(trends[1]!.text!.text).toMatch(/^```model/);
    expect(trends[1]!.text!.text).toMatch(/First \d+ of 144 rows; all 144 are in trends\.csv\.$/);
    const help = slackMessage(by('/help code'), store, { raw: '/help code' });
    const text = (help.blocks as unknown as { text?: { text: string } }[]).map((b) => b.text?.text ?? '').join('\n');
    expect(text).toContain('/code reopen - Reopen a closed coding round');
    expect(help.textFile).toBeNull();
  });

  it('delivers the long answers through the bot to the strict fake Slack, files included', async () => {
    const cases: [string, string, string, string][] = [
      ['/trends', '', 'Table III', 'trends.csv'],
      ['/taxonomy', '', 'Taxonomy of challenges', 'taxonomy.csv'],
      ['/hfbot', 'help code', '/hfbot code plan', ''],
      // A bare /hfbot is /help, in the /hfbot form.
      ['/hfbot', '', '/hfbot help - List the commands', ''],
      ['/code', 'agreement crowd', 'Round "crowd"', 'crowd-pairs.csv'],
    ];
    let rid = 0;
    for (const [command, text, start, csv] of cases) {
      const before = fake.uploads.length;
      const user = text.startsWith('agreement') ? OLGA : `U${rid + 1}`;
      const body = slashBody({ command, text, user, responseUrl: fake.responseUrl(`long${++rid}`) });
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
      // The fake refuses blocks over Slack's limits; an accepted post passed them.
      const post = await fake.waitFor(
        () => fake.callsTo('chat.postMessage').find((c) => String(c.params.text).startsWith(start)),
        20_000,
      );
      expect(slackMessageProblems(post.params)).toBeNull();
      if (csv) await fake.waitFor(() => fake.uploads.slice(before).find((u) => u.name === csv), 20_000);
    }
    expect(services.logger.lines.filter((l) => l.level === 'error')).toEqual([]);
  });
});
