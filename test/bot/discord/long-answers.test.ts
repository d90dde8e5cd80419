/**
 * Issue 13 item 1 on Discord: every command's answer, built by the real payload builder, stays
 * within every documented limit (platform-limits.ts), cuts no row and no fence, and carries its
 * table as a CSV holding every row. The long ones also go through the bot to the strict fake.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discordPayload } from '../../../src/bot/discord/reply-message.js';
import { createActionStore } from '../../../src/bot/action-store.js';
import { replyAttachments, tableCsv, tableCsvName } from '../../../src/bot/reply-attachments.js';
import { createDiscordBot, type RunningDiscord } from '../../../src/bot/discord/discord-bot.js';
import { commands } from '../../../src/commands/index.js';
import { createRateLimiter } from '../../../src/commands/checks/rate-limit.js';
import { APP_ID, startFakeDiscord, type FakeDiscord } from '../../helpers/fake-discord.js';
import { discordMessageProblems } from '../../helpers/platform-limits.js';
import { testServices } from '../../helpers/dataset.js';
import { stubRender } from '../test-commands.js';
import { checkAnswer } from '../answer-checks.js';
import { commandOf, everyCommand, type Answer } from '../every-command.js';

/** The fixture's round owner, as Discord names her: only she (or an admin or team member) sees /code agreement. */
const OLGA = { id: '80351110224678912', username: 'olga' };

describe('bot/discord long answers', () => {
  let services: Awaited<ReturnType<typeof testServices>>;
  let answers: Answer[];
  let fake: FakeDiscord;
  let bot: RunningDiscord;

  beforeAll(async () => {
    fake = await startFakeDiscord();
    services = await testServices({
      DISCORD_TOKEN: 'fake-token',
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_API_URL: fake.apiUrl,
    });
    answers = await everyCommand(services, { platform: 'discord', olga: OLGA.id });
    bot = await createDiscordBot(services, {
      commands,
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

  it('builds every answer within Discord limits, whole rows and fences, every row in the attached CSV', async () => {
    const store = createActionStore();
    for (const { line, reply } of answers) {
      const raw = line;
      // As deliver.ts does: a private answer carries only its table's CSV.
      const priv = Boolean(reply.error || reply.ephemeral);
      const csv = priv && !reply.error ? tableCsv(reply, raw) : null;
      const { files, chartFailed } = priv
        ? { files: csv ? [csv] : [], chartFailed: false }
        : await replyAttachments(reply, services, stubRender, { raw });
      const p = discordPayload(reply, files, store, { raw, chartFailed });
      const sent = p.files.map((f) => ({ name: f.name, data: f.attachment }));
      expect(
        discordMessageProblems({ content: p.content, embeds: p.embeds, components: p.components }, sent),
        line,
      ).toEqual([]);
      const texts = p.content !== undefined ? [p.content] : p.embeds.map((e) => e.description ?? '');
      checkAnswer(reply, { texts, files: sent, csvName: reply.error ? null : tableCsvName(reply, raw) });
    }
  });

  it('names the answers that had to be shortened, and what stayed whole', () => {
    const store = createActionStore();
    const by = (line: string) => answers.find((a) => a.line === line)!.reply;
    // /trends: 144 rows do not fit; the first rows do, and the CSV has all 144.
    const trends = discordPayload(by('/trends'), [], store, { raw: '/trends' });
    expect(trends.embeds.map((e) => e.description).join('\n')).toMatch(
      /First \d+ of 144 rows; all 144 are in trends\.csv\./,
    );
    // /help code (4,359 characters) goes on in a second embed instead of losing its end.
    const help = discordPayload(by('/help code'), [], store, { raw: '/help code' });
    expect(help.embeds.length).toBe(2);
    expect(help.embeds.map((e) => e.description).join('\n')).toContain('/code reopen - Reopen a closed coding round');
    // /code agreement with 300 raters lists 25 pairs and attaches all 44,850.
    const crowd = by('/code agreement crowd');
    expect(crowd.table!.rows).toHaveLength(25);
    expect(crowd.table!.complete).toEqual({ file: 'crowd-pairs.csv', rows: 44_850 });
  });

  it('delivers the long answers through the bot to the strict fake Discord, files included', async () => {
    const cases: [string, unknown[], string][] = [
      ['trends', [], 'trends.csv'],
      ['taxonomy', [], 'taxonomy.csv'],
      ['help', [{ name: 'command', type: 3, value: 'code' }], ''],
      [
        'code',
        [{ name: 'agreement', type: 1, options: [{ name: 'round', type: 3, value: 'crowd' }] }],
        'crowd-pairs.csv',
      ],
    ];
    for (const [name, options, csv] of cases) {
      const x = fake.chatInput(name, options, name === 'code' ? OLGA : undefined);
      const edit = await fake.waitFor(
        () => fake.forInteraction(x).find((r) => r.method === 'PATCH' && r.path.endsWith('/messages/@original')),
        20_000,
      );
      // The fake answers 400 to anything over Discord's limits; this one passed them.
      expect(discordMessageProblems(edit.body as Record<string, unknown>, edit.files)).toEqual([]);
      expect(fake.forInteraction(x).some((r) => r.method === 'POST' && r.path.startsWith('/webhooks/'))).toBe(false);
      if (csv) expect(edit.files.map((f) => f.name)).toContain(csv);
    }
  });
});
