/**
 * Request-to-first-answer latency of the chat adapters against the loopback fakes.
 * Slack: signed slash-command POST -> Bolt's 200 ack. Discord: INTERACTION_CREATE on the
 * gateway -> the deferReply callback. Both platforms require this within 3 s.
 * Prints a cold process (fresh `node`, first request after start-up) and warm p50/p95,
 * sequential and with 50 concurrent users, plus the time to the full answer.
 * Run: npx tsx bench/reply-latency.ts [requests]   (default 200)
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildTestDataset } from '../test/helpers/dataset.js';
import { loadConfig } from '../src/config.js';
import { silentLogger } from '../src/logger.js';
import { openDatabase } from '../src/data/db.js';
import type { Services } from '../src/commands/types.js';
import { APP_ID, startFakeDiscord, type FakeDiscord } from '../test/helpers/fake-discord.js';
import { slackSignature, slashBody, startFakeSlack, type FakeSlack } from '../test/helpers/fake-slack.js';
import { tempDir } from '../test/helpers/dataset.js';

type Platform = 'slack' | 'discord';
const SECRET = 'bench-secret';

interface Harness {
  /** ms from request to first answer, and to the full answer. */
  one(user: string, text: string): Promise<{ first: number; full: number }>;
  close(): Promise<void>;
}

function services(db: string, env: Record<string, string>): Services {
  const config = loadConfig({ HFBOT_DB: db, HFBOT_RATE_LIMIT_PER_MINUTE: '1000000', ...env }, tempDir('hfbot-bench-'));
  return { db: openDatabase(db), logger: silentLogger, config, now: () => new Date() };
}

async function slackHarness(db: string): Promise<Harness> {
  const fake: FakeSlack = await startFakeSlack();
  const s = services(db, { SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl });
  const { createSlackBot } = await import('../src/bot/slack/slack-bot.js');
  const bot = await createSlackBot(s, { host: '127.0.0.1', port: 0 });
  let n = 0;
  return {
    async one(user, text) {
      const id = `b${++n}`;
      const [cmd, ...rest] = text.split(' ');
      const body = slashBody({
        command: `/${cmd}`,
        text: rest.join(' '),
        user,
        channel: `C${id}`,
        responseUrl: fake.responseUrl(id),
      });
      const ts = Math.floor(Date.now() / 1000);
      const t0 = performance.now();
      const res = await fetch(`http://127.0.0.1:${bot.port}/slack/events`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-slack-request-timestamp': String(ts),
          'x-slack-signature': slackSignature(SECRET, ts, body),
        },
        body,
      });
      const first = performance.now() - t0;
      if (res.status !== 200) throw new Error(`slack answered ${res.status}`);
      const post = await fake.waitFor(
        () =>
          fake.callsTo('chat.postMessage').find((c) => c.params.channel === `C${id}`) ??
          fake.responses.find((r) => r.id === id),
        30_000,
      );
      return { first, full: post.at - t0 };
    },
    async close() {
      await bot.close();
      await fake.close();
      s.db.close();
    },
  };
}

async function discordHarness(db: string): Promise<Harness> {
  const fake: FakeDiscord = await startFakeDiscord();
  const s = services(db, {
    DISCORD_TOKEN: 'bench-token',
    DISCORD_APPLICATION_ID: APP_ID,
    DISCORD_API_URL: fake.apiUrl,
  });
  // The Slack run may have loaded the chart renderer already: see src/bot/discord/preload.ts.
  (await import('../src/bot/discord/preload.js')).preloadDiscordJs();
  const { createDiscordBot } = await import('../src/bot/discord/discord-bot.js');
  const bot = await createDiscordBot(s);
  let n = 0;
  return {
    async one(_user, text) {
      const [cmd, ...rest] = text.split(' ');
      const options = rest.length ? [{ name: 'model', type: 3, value: rest.join(' ') }] : [];
      const x = fake.chatInput(cmd!, options, { id: String(220000000000000000n + BigInt(++n)), username: `bench${n}` });
      const cb = await fake.waitFor(() => fake.forInteraction(x).find((r) => r.path.endsWith('/callback')), 30_000);
      const full = await fake.waitFor(
        () =>
          fake
            .forInteraction(x)
            .find((r) => r.method === 'PATCH' || (r.method === 'POST' && r.path.startsWith('/webhooks/'))),
        30_000,
      );
      return { first: cb.at - x.sentAt, full: full.at - x.sentAt };
    },
    async close() {
      await bot.close();
      await fake.close();
      s.db.close();
    },
  };
}

const harness = (p: Platform, db: string) => (p === 'slack' ? slackHarness(db) : discordHarness(db));
const q = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const f = (ms: number) => `${ms.toFixed(1)} ms`;

/** Child: a fresh process measures its start-up and its very first request. */
async function cold(p: Platform, db: string, command: string): Promise<void> {
  const h = await harness(p, db);
  const ready = performance.now();
  const r = await h.one('UCOLD', command);
  await h.close();
  process.stdout.write(`${JSON.stringify({ ready, ...r })}\n`);
}

function runCold(p: Platform, db: string, command: string): Promise<{ ready: number; first: number; full: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), '--cold', p, db, command],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').at(-1)!) as { ready: number; first: number; full: number })
        : reject(new Error(`cold child exited ${code}`)),
    );
  });
}

async function main(): Promise<void> {
  const requests = Number(process.argv[2] ?? 200);
  const db = await buildTestDataset();
  const { commands } = await import('../src/commands/index.js');
  const command = commands.some((c) => c.definition.name === 'trend') ? 'trend llama' : 'dataset';
  const out = (s: string) => process.stdout.write(`${s}\n`);
  out(
    `reply latency, /${command}, fakes on 127.0.0.1 (first answer = Slack ack / Discord deferReply callback; deadline 3000 ms)`,
  );
  for (const p of ['slack', 'discord'] as const) {
    const c = await runCold(p, db, command);
    out(
      `${p.padEnd(8)} cold process: bot ready ${f(c.ready)} after process start; first request -> first answer ${f(c.first)}, -> full answer ${f(c.full)}`,
    );
    const h = await harness(p, db);
    await h.one('UWARMUP', command);
    const seq: { first: number; full: number }[] = [];
    for (let i = 0; i < requests; i++) seq.push(await h.one(`USEQ${i}`, command));
    const conc = await Promise.all(Array.from({ length: 50 }, (_, i) => h.one(`UCONC${i}`, command)));
    await h.close();
    const firsts = seq.map((r) => r.first);
    const cf = conc.map((r) => r.first);
    out(
      `${p.padEnd(8)} sequential (${requests}): first answer p50 ${f(q(firsts, 0.5))} p95 ${f(q(firsts, 0.95))} max ${f(q(firsts, 1))}; full answer p50 ${f(
        q(
          seq.map((r) => r.full),
          0.5,
        ),
      )} p95 ${f(
        q(
          seq.map((r) => r.full),
          0.95,
        ),
      )}`,
    );
    out(
      `${p.padEnd(8)} 50 concurrent users: first answer p50 ${f(q(cf, 0.5))} p95 ${f(q(cf, 0.95))} max ${f(q(cf, 1))}; full answer p95 ${f(
        q(
          conc.map((r) => r.full),
          0.95,
        ),
      )}`,
    );
  }
}

if (process.argv[2] === '--cold') await cold(process.argv[3] as Platform, process.argv[4]!, process.argv[5]!);
else await main();
