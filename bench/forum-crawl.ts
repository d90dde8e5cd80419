/**
 * Forum crawl cost: mines a synthetic Discourse forum (default 150,000 topics, 1,500,000 posts; the
 * fake runs in its own process, as the real forum is remote) into a scratch database at unlimited
 * rate, then adds 1,000 replies and mines again. Prints requests per topic for the full and the
 * incremental crawl, what they would take at the default 50 requests a minute, wall time, the
 * miner's peak RSS and the database file's size (an empty dataset schema plus the mined forum). The derived statistics' recompute times are bench/scale.ts's (issue 17).
 * Run: npx tsx bench/forum-crawl.ts [--scale 0.01] [--replies 1000]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/data/db.js';
import { PoliteHttp } from '../src/data/miners/http.js';
import { mineForum, type ForumMineResult } from '../src/data/miners/forum/mine.js';
import { silentLogger } from '../src/logger.js';

const { values } = parseArgs({ options: { scale: { type: 'string' }, replies: { type: 'string' } } });
const scale = Number(values.scale ?? 1);
const TOPICS = Math.round(150_000 * scale);
const PER_TOPIC = 10;
const REPLIES = Number(values.replies ?? 1000);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'hfbot-bench-forum-'));
const mib = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MiB`;
const fmt = (n: number) => n.toLocaleString('en-US');
const atRate = (requests: number) => {
  const min = requests / 50;
  return min >= 60 ? `${(min / 60).toFixed(1)} h` : `${min.toFixed(1)} min`;
};

const server = spawn(
  process.execPath,
  [
    '--max-old-space-size=4096',
    '--import',
    'tsx',
    path.join(root, 'test/helpers/fake-discourse.ts'),
    String(TOPICS),
    String(PER_TOPIC),
  ],
  { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] },
);
const lines = createInterface({ input: server.stdout! });
const nextLine = () => new Promise<string>((resolve) => lines.once('line', resolve));
const base = await new Promise<string>((resolve, reject) => {
  server.once('error', reject);
  server.once('exit', (code) => reject(new Error(`fake forum exited with ${code}`)));
  void nextLine().then(resolve);
});

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
async function crawl(db: ReturnType<typeof openDatabase>): Promise<{ r: ForumMineResult; ms: number }> {
  const t0 = performance.now();
  const r = await mineForum({
    db,
    baseUrl: base,
    logger: silentLogger,
    now: () => new Date(),
    http: new PoliteHttp({ requestsPerMinute: 1e9, timeoutMs: 120_000 }),
  });
  return { r, ms: performance.now() - t0 };
}

try {
  const file = path.join(dir, 'forum.sqlite');
  const db = openDatabase(file, { create: true });
  const empty = statSync(file).size;
  const full = await crawl(db);
  const fullSize = statSync(file).size;
  const posts = db.prepare('SELECT count(*) FROM forum_posts').pluck().get() as number;
  const fullPeak = Math.max(peak, process.resourceUsage().maxRSS * 1024);
  server.stdin!.write(`reply ${REPLIES}\n`);
  await nextLine();
  const inc = await crawl(db);
  db.close();
  const incSize = statSync(file).size;
  clearInterval(sampler);
  const f = full.r;
  const i = inc.r;
  const touched = i.changedTopics + i.newTopics;
  process.stdout.write(
    `${[
      `forum crawl, ${fmt(TOPICS)} topics and ${fmt(posts)} stored posts (fake Discourse in its own process; miner at unlimited rate)`,
      `  plan printed first: ${fmt(f.plan?.requests ?? 0)} requests estimated (${fmt(f.plan?.perTopicRequests ?? 0)} topic by topic), ${atRate(f.plan?.requests ?? 0)} at 50 requests/min`,
      `  full crawl:        ${fmt(f.requests)} requests = ${(f.requests / TOPICS).toFixed(3)} per topic (${fmt(f.pages)} listing pages, ${fmt(f.postPages)} /posts.json pages, ${fmt(f.fetchedTopics)} topics read whole); ${atRate(f.requests)} at 50/min; wall ${(full.ms / 1000).toFixed(1)} s; peak RSS ${mib(fullPeak)}`,
      `  incremental crawl: ${REPLIES} new replies in ${fmt(touched)} topics: ${fmt(i.requests)} requests = ${(i.requests / Math.max(1, touched)).toFixed(3)} per changed topic (${i.pages} listing, ${i.postPages} /posts.json, ${i.fetchedTopics} read whole); wall ${(inc.ms / 1000).toFixed(2)} s`,
      `  database file: ${mib(fullSize)} after the full crawl (${mib(empty)} before it: the empty schema), ${mib(incSize)} after the incremental one`,
      `  topic by topic (a forum without /posts.json) a full crawl would need about ${fmt(f.plan?.perTopicRequests ?? 0)} requests (${atRate(f.plan?.perTopicRequests ?? 0)} at 50/min)`,
    ].join('\n')}\n`,
  );
} finally {
  clearInterval(sampler);
  server.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
