/**
 * A whole coding round on Discord, end to end against the fake Discord (gateway + REST): raters
 * as mentions, a USER option and names, one private thread per rater, labels chosen in the
 * select replacing the message (UPDATE_MESSAGE), agreement, disagreements, resolve, close, export.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordBot, type RunningDiscord } from '../../../src/bot/discord/discord-bot.js';
import { discordCommands } from '../../../src/bot/discord/commands-json.js';
import { commands } from '../../../src/commands/index.js';
import { createRateLimiter } from '../../../src/commands/checks/rate-limit.js';
import {
  APP_ID,
  CHANNEL_ID,
  GUILD_MEMBERS,
  startFakeDiscord,
  type DiscordRequest,
  type FakeDiscord,
} from '../../helpers/fake-discord.js';
import { testServices } from '../../helpers/dataset.js';
import { stubRender } from '../test-commands.js';

const SUB = 1;
const STRING = 3;
const INTEGER = 4;
const USER = 6;
const EPHEMERAL = 64;
const person = (username: string) => {
  const m = GUILD_MEMBERS.find((x) => x.username === username)!;
  return { id: m.id, username: m.username };
};
const [alice, bob, olga] = [person('alice'), person('bob_b'), person('olga')];

// biome-ignore lint/suspicious/noExplicitAny: assertions walk arbitrary payload shapes
const body = (r: DiscordRequest) => r.body as Record<string, any>;

describe('bot/discord coding round (end to end)', () => {
  let fake: FakeDiscord;
  let bot: RunningDiscord;
  let services: Awaited<ReturnType<typeof testServices>>;

  beforeAll(async () => {
    fake = await startFakeDiscord();
    services = await testServices({
      DISCORD_TOKEN: 'fake-token',
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_API_URL: fake.apiUrl,
    });
    bot = await createDiscordBot(services, { limiter: createRateLimiter({ limit: 1000 }), renderPng: stubRender });
  });
  afterAll(async () => {
    await bot?.close();
    await fake?.close();
    services?.db.close();
  });

  const code = (sub: string, options: unknown[], user: { id: string; username: string }) =>
    fake.chatInput('code', [{ type: SUB, name: sub, options }], user);
  const edited = (x: { id: string; token: string }) =>
    fake.waitFor(() => fake.forInteraction(x).find((r) => r.method === 'PATCH' && r.path.endsWith('/@original')));
  const followUp = (x: { id: string; token: string }) =>
    fake.waitFor(() => fake.forInteraction(x).find((r) => r.method === 'POST' && r.path.startsWith('/webhooks/')));
  const callback = (x: { id: string; token: string }) =>
    fake.waitFor(() => fake.forInteraction(x).find((r) => r.path.endsWith('/callback')));
  const opt = (name: string, value: unknown, type = STRING) => ({ name, type, value });
  const rounds = () => (services.db.prepare('SELECT name FROM rounds').all() as { name: string }[]).map((r) => r.name);

  it('registers rater1..rater3 as USER (6) options and raters as text for mentions', () => {
    const group = discordCommands(commands).find((c) => c.name === 'code') as { options: { name: string }[] };
    const start = group.options.find((o) => o.name === 'start') as unknown as {
      options: { name: string; type: number }[];
    };
    expect(start.options.filter((o) => o.name.startsWith('rater'))).toEqual([
      expect.objectContaining({ name: 'raters', type: STRING }),
      expect.objectContaining({ name: 'rater1', type: USER }),
      expect.objectContaining({ name: 'rater2', type: USER }),
      expect.objectContaining({ name: 'rater3', type: USER }),
    ]);
  });

  it('refuses unknown, ambiguous and bot raters at /code start with the candidates, creating nothing', async () => {
    const x = code(
      'start',
      [
        opt('name', 'bad'),
        opt('size', 3, INTEGER),
        opt('raters', 'sam, zed, <@!400000000000000099>'),
        opt('rater1', '400000000000000007', USER),
      ],
      olga,
    );
    const f = await followUp(x);
    expect(body(f).flags).toBe(EPHEMERAL);
    const text = String(body(f).content);
    expect(text).toContain('The round was not started: 4 raters could not be found');
    expect(text).toContain(
      '"sam" could be 2 people: Sam Green (@sam, 400000000000000005), sam (@samantha, 400000000000000006)',
    );
    expect(text).toContain('"zed" is nobody on Discord');
    expect(text).toContain('<@!400000000000000099> is no user of this Discord server');
    expect(text).toContain('<@400000000000000007> (modbot) is a bot');
    expect(rounds()).not.toContain('bad');
    const search = fake.requests.filter((r) => r.path.endsWith('/members/search'));
    expect(search.map((r) => [r.query.get('query'), r.query.get('limit')])).toEqual(
      expect.arrayContaining([
        ['sam', '25'],
        ['zed', '25'],
      ]),
    );
    // The bot never lists the whole guild (that needs the GUILD_MEMBERS privileged intent).
    expect(fake.requests.some((r) => /\/guilds\/\d+\/members$/.test(r.path))).toBe(false);
  });

  it('runs a whole round: start, next in a private thread per rater, label by select, agreement, resolve, close, export', async () => {
    const start = code(
      'start',
      [
        opt('name', 'team'),
        opt('size', 3, INTEGER),
        opt('raters', '<@400000000000000001>'),
        opt('rater1', bob.id, USER),
        opt('purpose', 'study'),
        opt('seed', 'team'),
      ],
      olga,
    );
    const started = body(await edited(start)).embeds[0].description as string;
    expect(started).toContain('Round "team" started');
    expect(started).toContain('raters Alice Liddell, bob');
    const topics = (
      services.db
        .prepare(
          "SELECT topic_id FROM round_topics t JOIN rounds r ON r.id = t.round_id WHERE r.name = 'team' ORDER BY position",
        )
        .all() as { topic_id: number }[]
    ).map((t) => t.topic_id);

    const labels = new Map([
      [alice, ['C1', 'C2', 'C3']],
      [bob, ['C1', 'C5', 'C3']],
    ]);
    for (const [user, codes] of labels) {
      const next = code('next', [opt('round', 'team')], user);
      const pointer = await followUp(next);
      expect(body(pointer).flags).toBe(EPHEMERAL);
      const threadId = String(body(pointer).content).match(/<#(\d+)>/)![1]!;
      const thread = fake.threads.get(threadId)!;
      expect(thread).toMatchObject({ type: 12, parent_id: CHANNEL_ID, invitable: false });
      expect([...thread.members]).toContain(user.id);
      const post = await fake.waitFor(() =>
        fake.requests.find((r) => r.method === 'POST' && r.path === `/channels/${threadId}/messages`),
      );
      const messageId = [...fake.messages.values()].find(
        (m) => m.channel_id === threadId && String(JSON.stringify(m.embeds)).includes(`Topic ${topics[0]}`),
      )!.id as string;
      expect(body(post).embeds[0].description).toContain(`Topic ${topics[0]} (1 of 3 for you)`);
      for (const [i, c] of codes.entries()) {
        const m = fake.messages.get(messageId)!;
        const rows = m.components as { components: { type: number; custom_id: string; options?: unknown[] }[] }[];
        const select = rows.flatMap((r) => r.components).find((c2) => c2.type === 3 && c2.custom_id.includes('label'))!;
        expect(select.options).toHaveLength(17);
        const pick = fake.component(select.custom_id, [c], user, { message: messageId });
        const cb = await callback(pick);
        expect(body(cb).type).toBe(7);
        expect(body(cb).data.content).toContain(`Labelled topic ${topics[i]} as ${c}`);
        const buttons = (
          body(cb).data.components as { components: { type: number; label?: string; custom_id: string }[] }[]
        )
          .flatMap((r) => r.components)
          .filter((b) => b.type === 2);
        expect(buttons.map((b) => b.label)).toEqual(i < 2 ? ['Next topic'] : []);
        if (i === 2) break;
        const more = fake.component(buttons[0]!.custom_id, null, user, { message: messageId });
        const cb2 = await callback(more);
        expect(body(cb2).type).toBe(7);
        expect(body(cb2).data.embeds[0].description).toContain(`Topic ${topics[i + 1]} (${i + 2} of 3 for you)`);
      }
    }
    // One private thread per rater of the round, none per topic; no label was posted anywhere public.
    expect([...fake.threads.values()].map((t) => t.name).sort()).toEqual([
      'Round team · Alice Liddell',
      'Round team · bob',
    ]);
    expect(
      fake.requests.some(
        (r) => r.path === `/channels/${CHANNEL_ID}/messages` && JSON.stringify(r.body).includes('Labelled'),
      ),
    ).toBe(false);

    const ag = code('agreement', [opt('round', 'team')], olga);
    const agreement = body(await edited(ag)).embeds[0].description as string;
    expect(agreement).toContain('Round "team", 3 topics: agreement 66.7%');
    expect(agreement).toMatch(/Alice Liddell\s+bob/);
    const dis = code('disagreements', [opt('round', 'team')], bob);
    expect(body(await edited(dis)).embeds[0].description).toContain('1 topic with differing labels');
    const res = code('resolve', [opt('topic', topics[1], INTEGER), opt('category', 'C2'), opt('round', 'team')], alice);
    expect(body(await edited(res)).embeds[0].description).toContain(`Topic ${topics[1]} resolved as C2`);
    const early = code('export', [opt('round', 'team')], alice);
    expect(String(body(await followUp(early)).content)).toContain('still open');
    const close = code('close', [opt('round', 'team')], olga);
    expect(body(await edited(close)).embeds[0].description).toContain('Round "team" is closed');
    const ex = code('export', [opt('round', 'team')], bob);
    const file = (await edited(ex)).files.find((f) => f.name === 'team-codes.csv')!;
    const csv = file.bytes.toString('utf8').split('\r\n');
    expect(csv[0]).toBe('Topic#,Tag,Code,rater,category,subcategory,rater id');
    expect(csv.some((l) => l.endsWith(`,Alice Liddell,C2,,discord:${alice.id}`))).toBe(true);
    expect(csv.some((l) => l.endsWith(`,bob,C5,,discord:${bob.id}`))).toBe(true);
  });

  it('a second /code next in the same round reuses the rater thread; a deleted thread is replaced once', async () => {
    const before = fake.threads.size;
    const again = code('start', [opt('name', 'again'), opt('size', 2, INTEGER), opt('raters', 'carol')], olga);
    expect(body(await edited(again)).embeds[0].description).toContain('raters Carol D');
    const carol = person('carol');
    const first = code('next', [opt('round', 'again')], carol);
    const id1 = String(body(await followUp(first)).content).match(/<#(\d+)>/)![1]!;
    const second = code('next', [opt('round', 'again')], carol);
    const id2 = String(body(await followUp(second)).content).match(/<#(\d+)>/)![1]!;
    expect(id2).toBe(id1);
    expect(fake.threads.size).toBe(before + 1);
    fake.deleteThread(id1);
    const third = code('next', [opt('round', 'again')], carol);
    const id3 = String(body(await followUp(third)).content).match(/<#(\d+)>/)![1]!;
    expect(id3).not.toBe(id1);
    expect(fake.threads.size).toBe(before + 2);
  });
});
