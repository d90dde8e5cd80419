/**
 * 50 people ask for a chart at once through the web chat (each /trend <a different model>, then its
 * PNG) while another person calls /help over and over. Prints /help p50/p95 during the burst
 * (goal: p95 under 20 ms), render throughput (charts/s), each person's time to their chart, and
 * the server's peak RSS (VmHWM, worker threads included), for charts drawn on the main thread
 * (HFBOT_RENDER_THREADS=0, how it was before the pool) and in the worker pool (the default).
 * The server is the built CLI (`npm run build` first) in its own process, so the load generator
 * never shares its event loop. Each round starts a fresh server (a cold PNG cache).
 * Run: npx tsx bench/concurrent-renders.ts [rounds] [users]   (default 3 rounds, 50 users)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTestDataset } from '../test/helpers/dataset.js';
import { openDatabase } from '../src/data/db.js';
import { modelTypes } from '../src/data/queries/model-types.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'bin/hfbot.js');
const rounds = Number(process.argv[2] ?? 3);
const users = Number(process.argv[3] ?? 50);

if (!existsSync(path.join(ROOT, 'dist/bot/cli/main.js'))) {
  console.error('Build first: npm run build (the benchmark runs the server from dist/).');
  process.exit(1);
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? Number.NaN;
};
const median = (xs: number[]) => pct(xs, 50);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function startServer(db: string, env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [CLI, 'serve', '--web', '--port', '0', '--db', db], {
    env: { ...process.env, HFBOT_LOG_LEVEL: 'error', HFBOT_RATE_LIMIT_PER_MINUTE: '1000000', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /open (http:\/\/\S+) in/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening: ${out}`)));
  });
  return { child, url };
}

function peakRssMiB(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

async function ask(url: string, text: string, user: string): Promise<{ ms: number; chartUrl: string | null }> {
  const t0 = performance.now();
  const res = await fetch(new URL('/api/ask', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text, user }),
  });
  const body = (await res.json()) as { chartUrl: string | null };
  return { ms: performance.now() - t0, chartUrl: body.chartUrl };
}

/** One person: the command, then its chart. Resolves with the time to the PNG and its status. */
async function chartFlow(url: string, text: string, user: string): Promise<{ ms: number; status: number }> {
  const t0 = performance.now();
  const r = await ask(url, text, user);
  if (!r.chartUrl) return { ms: performance.now() - t0, status: 0 };
  const res = await fetch(new URL(r.chartUrl, url));
  await res.arrayBuffer();
  return { ms: performance.now() - t0, status: res.status };
}

interface Round {
  helpIdle: number[];
  help: number[];
  flows: { ms: number; status: number }[];
  wallMs: number;
  rssMiB: number;
}

async function round(db: string, env: Record<string, string>, commands: string[]): Promise<Round> {
  const { child, url } = await startServer(db, env);
  try {
    // Warm: the renderer (threads or main) has loaded vega and the fonts, as in a running bot.
    await chartFlow(url, '/trend llama', 'warmup');
    const helpIdle: number[] = [];
    for (let i = 0; i < 30; i++) helpIdle.push((await ask(url, '/help', 'reader')).ms);
    const help: number[] = [];
    let done = false;
    const prober = (async () => {
      while (!done) {
        help.push((await ask(url, '/help', 'reader')).ms);
        await sleep(10);
      }
    })();
    const t0 = performance.now();
    const flows = await Promise.all(commands.map((c, i) => chartFlow(url, c, `user${i}`)));
    const wallMs = performance.now() - t0;
    done = true;
    await prober;
    return { helpIdle, help, flows, wallMs, rssMiB: peakRssMiB(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const dbFile = await buildTestDataset();
const db = openDatabase(dbFile);
const models = modelTypes(db, 'paper')
  .filter((m) => m.inForum && m.inHub && m.name !== 'llama')
  .map((m) => m.name);
db.close();
if (models.length < users) throw new Error(`only ${models.length} model types with both series`);
const commands = models.slice(0, users).map((m) => `/trend ${m}`);

console.log(
  `${users} concurrent chart requests (/trend <model> + its PNG) through the web chat, /help probed meanwhile`,
);
console.log(`${rounds} rounds per mode, fresh server each; medians across rounds\n`);
const f = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
for (const [label, env] of [
  ['main thread (HFBOT_RENDER_THREADS=0, as before)', { HFBOT_RENDER_THREADS: '0' }],
  ['worker pool (default: one thread per core but one)', {}],
] as const) {
  const rs: Round[] = [];
  for (let i = 0; i < rounds; i++) rs.push(await round(dbFile, env, commands));
  const ok = rs.map((r) => r.flows.filter((x) => x.status === 200).length);
  console.log(label);
  console.log(`  charts delivered            ${ok.join(', ')} of ${users}`);
  console.log(
    `  /help idle p50 / p95       ${f(median(rs.map((r) => pct(r.helpIdle, 50))))} / ${f(median(rs.map((r) => pct(r.helpIdle, 95))))} ms`,
  );
  console.log(
    `  /help during burst p50 / p95 / max  ${f(median(rs.map((r) => pct(r.help, 50))))} / ${f(median(rs.map((r) => pct(r.help, 95))))} / ${f(median(rs.map((r) => Math.max(...r.help))))} ms  (n = ${rs.map((r) => r.help.length).join(', ')})`,
  );
  console.log(
    `  render throughput          ${f(median(rs.map((r) => (users / r.wallMs) * 1000)))} charts/s (burst ${f(median(rs.map((r) => r.wallMs)))} ms)`,
  );
  console.log(
    `  time to a person's chart p50 / p95  ${f(
      median(
        rs.map((r) =>
          pct(
            r.flows.map((x) => x.ms),
            50,
          ),
        ),
      ),
    )} / ${f(
      median(
        rs.map((r) =>
          pct(
            r.flows.map((x) => x.ms),
            95,
          ),
        ),
      ),
    )} ms`,
  );
  console.log(
    `  server peak RSS            ${f(median(rs.map((r) => r.rssMiB)))} MiB (rounds: ${rs.map((r) => f(r.rssMiB)).join(', ')})\n`,
  );
}
