/**
 * A whole coding round on Slack, end to end against the fake Slack (HTTP mode, signed requests,
 * real user ids): raters named as Slack sends them, one thread per rater, labels chosen in the
 * select replacing the message they came from, agreement, disagreements, resolve, close, export.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackBot, type RunningSlack } from '../../../src/bot/slack/slack-bot.js';
import { createRateLimiter } from '../../../src/commands/checks/rate-limit.js';
import { startFakeSlack, type FakeSlack, type FakeSlackUser } from '../../helpers/fake-slack.js';
import { WORKSPACE } from '../../helpers/fake-slack-rules.js';
import { testServices } from '../../helpers/dataset.js';
import { stubRender } from '../test-commands.js';
import { SECRET, slackClient, type SlackBlock } from './slack-client.js';

// 300 more people, so users.list needs two pages of 200.
const CROWD: FakeSlackUser[] = Array.from({ length: 300 }, (_, i) => ({
  id: `U1${String(i).padStart(6, '0')}`,
  name: `member${i}`,
  real_name: `Member ${i}`,
  display_name: '',
}));

describe('bot/slack coding round (end to end)', () => {
  let fake: FakeSlack;
  let bot: RunningSlack;
  let services: Awaited<ReturnType<typeof testServices>>;
  let client: ReturnType<typeof slackClient>;

  beforeAll(async () => {
    fake = await startFakeSlack({ users: [...WORKSPACE, ...CROWD] });
    services = await testServices({
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.apiUrl,
    });
    bot = await createSlackBot(services, {
      host: '127.0.0.1',
      port: 0,
      limiter: createRateLimiter({ limit: 1000 }),
      renderPng: stubRender,
    });
    client = slackClient(fake, () => `http://127.0.0.1:${bot.port}/slack/events`);
  });
  afterAll(async () => {
    await bot?.close();
    await fake?.close();
    services?.db.close();
  });

  const posted = (pred: (text: string) => boolean) =>
    fake.waitFor(() => fake.callsTo('chat.postMessage').find((c) => pred(String(c.params.text))));
  const rounds = () => services.db.prepare('SELECT name FROM rounds').all() as { name: string }[];
  const blocksOf = (x: { blocks?: unknown } | Record<string, unknown>) => (x.blocks ?? []) as SlackBlock[];
  const hasControl = (blocks: SlackBlock[], prefix: string) =>
    blocks.some((b) => b.elements?.some((e) => e.action_id?.startsWith(prefix)));

  it('refuses unknown, ambiguous, deactivated and bot raters at /code start, naming candidates, and creates nothing', async () => {
    const id = await client.slash(
      'U0OLGA',
      'code start name:bad size:3 raters:@sam, @zed, <@U0DAVE9>, <@U0BOT01|helperbot>, <@U0NOPE1> purpose:study',
    );
    const r = await client.response(id);
    expect(r.body.response_type).toBe('ephemeral');
    const text = String(r.body.text);
    expect(text).toMatch(/^The round was not started: 5 raters could not be found/);
    expect(text).toContain(
      '"@sam" could be 2 people: sam (@sam.green, Sam Green, U0SAM01), sam (@sam.brown, Sam Brown, U0SAM02)',
    );
    expect(text).toContain('"@zed" is nobody on Slack');
    expect(text).toContain('&lt;@U0DAVE9&gt; (dave) is deactivated');
    expect(text).toContain('&lt;@U0BOT01&gt; (helperbot) is a bot');
    expect(text).toContain('&lt;@U0NOPE1&gt; is no user of this Slack workspace');
    expect(rounds().some((x) => x.name === 'bad')).toBe(false);
    // Names were matched against the whole workspace, paged as users.list asks (cursor + limit).
    const pages = fake.callsTo('users.list');
    expect(pages.length).toBe(2);
    expect(pages.map((p) => Number(p.params.limit))).toEqual([200, 200]);
    expect(pages[1]!.params.cursor).toBeTruthy();
  });

  it('a name that is one person (display, real or handle) resolves, and the users.list walk is cached', async () => {
    const before = fake.callsTo('users.list').length;
    const id = await client.slash('U0OLGA', 'code start name:names size:2 raters:@alice,"Carol Danvers",bob.builder');
    await posted((t) => t.startsWith('Round "names" started'));
    expect(fake.responses.find((r) => r.id === id)).toBeUndefined();
    const raters = services.db
      .prepare(
        "SELECT rater FROM round_raters r JOIN rounds x ON x.id = r.round_id WHERE x.name = 'names' ORDER BY rater",
      )
      .all();
    expect(raters).toEqual([{ rater: 'slack:U0AAA1' }, { rater: 'slack:U0BBB2' }, { rater: 'slack:U0CCC3' }]);
    expect(fake.callsTo('users.list').length).toBe(before);
  });

  it('runs a whole round: escaped mentions, one thread per rater, labels by select, agreement, resolve, close, export', async () => {
    await client.slash(
      'U0OLGA',
      'code start name:team size:3 raters:<@U0AAA1|alice>, <@U0BBB2> purpose:study seed:team',
    );
    const start = await posted((t) => t.startsWith('Round "team" started'));
    expect(String(start.params.text)).toContain('raters alice, Bob');
    expect(String(start.params.text)).toContain('A study round');
    const topics = (
      services.db
        .prepare(
          "SELECT topic_id FROM round_topics t JOIN rounds r ON r.id = t.round_id WHERE r.name = 'team' ORDER BY position",
        )
        .all() as { topic_id: number }[]
    ).map((t) => t.topic_id);

    const labels: Record<string, string[]> = { U0AAA1: ['C1', 'C2', 'C3'], U0BBB2: ['C1', 'C5', 'C3'] };
    for (const user of ['U0AAA1', 'U0BBB2']) {
      const cmd = await client.slash(user, 'code next team');
      // The command's own answer is a private pointer to the thread.
      expect((await client.response(cmd)).body).toMatchObject({ response_type: 'ephemeral' });
      let topicMsg = await fake.waitFor(() => fake.ephemerals.filter((e) => e.user === user).at(-1));
      expect(topicMsg.shown).toBe(true);
      const head = fake.messages.get(topicMsg.thread_ts!)!;
      expect(head.text).toContain(`the coding thread of <@${user}>`);
      let where: { ephemeral: true; blocks: SlackBlock[]; thread_ts?: string } = {
        ephemeral: true,
        blocks: blocksOf(topicMsg),
        thread_ts: topicMsg.thread_ts!,
      };
      for (const [i, code] of labels[user]!.entries()) {
        expect(where.blocks[0]!.text!.text).toContain(`Topic ${topics[i]} (${i + 1} of 3 for you)`);
        const act = await client.use(user, where, 'hfbot:code-label', code);
        const labelled = await client.response(act);
        expect(labelled.body.replace_original).toBe(true);
        expect(String(labelled.body.text)).toContain(`Labelled topic ${topics[i]} as ${code}`);
        const answer = blocksOf(labelled.body);
        // Next topic only while topics are left.
        expect(hasControl(answer, 'hfbot:code-next')).toBe(i < 2);
        expect(hasControl(answer, 'hfbot:code-label')).toBe(false);
        if (i === 2) break;
        const next = await client.response(
          await client.use(user, { ephemeral: true, blocks: answer, thread_ts: where.thread_ts! }, 'hfbot:code-next'),
        );
        expect(next.body.replace_original).toBe(true);
        where = { ephemeral: true, blocks: blocksOf(next.body), thread_ts: where.thread_ts! };
      }
      topicMsg = fake.ephemerals.filter((e) => e.user === user).at(-1)!;
      // One ephemeral topic message per rater: the rest replaced it in place.
      expect(fake.ephemerals.filter((e) => e.user === user)).toHaveLength(1);
    }
    // One thread per rater and round, not one per topic; no label ever went to the channel.
    const heads = [...fake.messages.values()].filter((m) => m.text.includes('the coding thread of'));
    expect(heads.map((h) => h.text.match(/<@(\w+)>/)![1]).sort()).toEqual(['U0AAA1', 'U0BBB2']);
    expect(fake.callsTo('chat.postMessage').some((c) => /Labelled topic/.test(String(c.params.text)))).toBe(false);

    await client.slash('U0OLGA', 'code agreement team');
    const agreement = await posted((t) => t.startsWith('Round "team", 3 topics: agreement 66.7%'));
    expect(JSON.stringify(agreement.params.blocks)).toMatch(/alice\s+Bob/);
    await client.slash('U0BBB2', 'code disagreements team');
    const dis = await posted((t) => t.startsWith('Round "team": 1 topic with differing labels'));
    expect(JSON.stringify(dis.params.blocks)).toContain(String(topics[1]));
    await client.slash('U0AAA1', `code resolve ${topics[1]} C2 round:team`);
    await posted((t) => t.startsWith(`Topic ${topics[1]} resolved as C2`));
    // Export before close: the owner only.
    const early = await client.slash('U0AAA1', 'code export team');
    expect(String((await client.response(early)).body.text)).toContain('still open');
    await client.slash('U0OLGA', 'code close team');
    await posted((t) => t.startsWith('Round "team" is closed'));
    const uploads = fake.uploads.length;
    await client.slash('U0AAA1', 'code export team');
    await fake.waitFor(() => fake.uploads.length > uploads);
    const csv = fake.uploads.at(-1)!.bytes.toString('utf8').split('\r\n');
    expect(csv[0]).toBe('Topic#,Tag,Code,rater,category,subcategory,rater id');
    expect(csv.some((l) => l.startsWith(`${topics[0]},`) && l.endsWith(',alice,C1,,slack:U0AAA1'))).toBe(true);
    expect(csv.some((l) => l.startsWith(`${topics[1]},`) && l.endsWith(',Bob,C5,,slack:U0BBB2'))).toBe(true);
    expect(csv.filter((l) => l.includes(',consensus,'))).toHaveLength(3);
  });

  it('a label chosen on a public message strips its controls for everyone and answers the rater privately', async () => {
    await client.slash('U0OLGA', 'code start name:pub size:2 raters:<@U0CCC3> seed:pub');
    await posted((t) => t.startsWith('Round "pub" started'));
    const topic = (
      services.db
        .prepare(
          "SELECT topic_id FROM round_topics t JOIN rounds r ON r.id = t.round_id WHERE r.name = 'pub' ORDER BY position",
        )
        .get() as { topic_id: number }
    ).topic_id;
    // A public message with a label select (as an older bot version posted them).
    const ts = '1700000099.000001';
    const select = {
      type: 'actions',
      block_id: `t:/code label ${topic} {value} round:pub`,
      elements: [
        {
          type: 'static_select',
          action_id: `hfbot:code-label:x:${topic}`,
          options: [{ value: 'C4', text: { type: 'plain_text', text: 'C4 Memory' } }],
        },
      ],
    };
    fake.messages.set(ts, { channel: 'C000', ts, text: `Topic ${topic}`, blocks: [select], replies: 0 });
    const act = await client.use(
      'U0CCC3',
      { ephemeral: false, ts, blocks: [select] as SlackBlock[] },
      'hfbot:code-label',
      'C4',
    );
    const answer = await client.response(act);
    expect(answer.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(answer.body.text)).toContain(`Labelled topic ${topic} as C4`);
    const update = await fake.waitFor(() => fake.callsTo('chat.update').find((c) => c.params.ts === ts));
    expect(JSON.stringify(update.params)).not.toContain('C4');
    expect(fake.messages.get(ts)!.blocks ?? []).toEqual([]);
  });
});
