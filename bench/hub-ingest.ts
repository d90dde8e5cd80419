/**
 * Hub ingest rate and memory: mines N models (default 1,000,000) from the fake Hub, which runs
 * in its own process so it does not share the miner's thread (the real Hub is remote) and
 * serialises every page before the clock starts (so each request costs it only a socket
 * write, as for a server with its own CPUs), into a scratch database; then, in
 * the same run, inserts the same rows with a plain better-sqlite3 bulk insert (one transaction,
 * no HTTP, no JSON, no validation) as the ceiling. Prints models/s and RSS for both.
 * Run: npx tsx bench/hub-ingest.ts [N] [--commit-ms MS]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { openDatabase } from '../src/data/db.js';
import { PoliteHttp } from '../src/data/miners/http.js';
import { mineHub } from '../src/data/miners/hub/mine.js';
import { silentLogger } from '../src/logger.js';
import { fakeModel, type FakeModel } from '../test/helpers/fake-hub.js';

const N = Number(process.argv[2] ?? 1_000_000);
// The miner commits every 2 s (and 50,000 models); `--commit-ms 1e9` shows what the 2-second commits cost.
const at = process.argv.indexOf('--commit-ms');
const commitEveryMs = at > 0 ? Number(process.argv[at + 1]) : undefined;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'hfbot-bench-hub-'));
const mib = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MiB`;

const server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'test/helpers/fake-hub.ts'), String(N)], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
});
const base = await new Promise<string>((resolve, reject) => {
  server.once('error', reject);
  server.once('exit', (code) => reject(new Error(`fake Hub exited with ${code}`)));
  createInterface({ input: server.stdout! }).once('line', resolve);
});

try {
  // --- the miner: HTTP pages of 1,000 (one request in flight), JSON, checks, batched upserts with the resume cursor.
  const db = openDatabase(path.join(dir, 'mined.sqlite'), { create: true });
  const rss: number[] = [];
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const marks = new Set([0.1, 0.25, 0.5, 0.75, 1]);
  const t0 = performance.now();
  const r = await mineHub({
    db,
    baseUrl: base,
    logger: silentLogger,
    now: () => new Date(),
    pageSize: 1000,
    commitEveryMs,
    http: new PoliteHttp({ requestsPerMinute: 1e9, timeoutMs: 60_000 }),
    onProgress: (p) => {
      for (const m of marks)
        if (p.done >= m * N) {
          marks.delete(m);
          rss.push(process.memoryUsage().rss);
        }
    },
  });
  const minerMs = performance.now() - t0;
  clearInterval(sampler);
  const minerPeak = Math.max(peak, process.resourceUsage().maxRSS * 1024);
  const stored = db.prepare('SELECT count(*) FROM hub_models').pluck().get() as number;
  db.close();
  if (stored !== N || r.models !== N) throw new Error(`expected ${N} models, stored ${stored}`);

  // --- the ceiling: the same rows, straight into the same table shape, one transaction.
  const plain = new Database(path.join(dir, 'plain.sqlite'));
  plain.exec(
    'CREATE TABLE hub_models (hub_id TEXT PRIMARY KEY NOT NULL, id TEXT NOT NULL, author TEXT, created_month TEXT, model_type TEXT, has_card INTEGER NOT NULL, pipeline_tag TEXT, library TEXT, seen_run INTEGER)',
  );
  const insert = plain.prepare('INSERT INTO hub_models VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const runId = Date.now() * 1000 + 123;
  const t1 = performance.now();
  plain.transaction(() => {
    for (let i = 0; i < N; i++) {
      const m = fakeModel(i) as FakeModel;
      const t = m.config?.model_type;
      insert.run(
        m._id,
        m.id,
        m.author,
        m.createdAt.slice(0, 7),
        typeof t === 'string' ? t : null,
        m.cardData && Object.keys(m.cardData).length ? 1 : 0,
        m.pipeline_tag,
        m.library_name,
        runId,
      );
    }
  })();
  const plainMs = performance.now() - t1;
  plain.close();

  const minerRate = N / (minerMs / 1000);
  const plainRate = N / (plainMs / 1000);
  process.stdout.write(
    `${[
      `hub ingest, ${N.toLocaleString('en-US')} models from the fake Hub (${r.pages} pages of 1,000; fake server in its own process, pages serialised before the clock starts)`,
      `  miner:   ${(minerMs / 1000).toFixed(1)} s  ${Math.round(minerRate).toLocaleString('en-US')} models/s  peak RSS ${mib(minerPeak)}  RSS at 10/25/50/75/100%: ${rss.map(mib).join(' / ')}`,
      `  ceiling: ${(plainMs / 1000).toFixed(1)} s  ${Math.round(plainRate).toLocaleString('en-US')} models/s  (plain better-sqlite3 bulk insert, one transaction)`,
      `  miner / ceiling: ${(minerRate / plainRate).toFixed(2)} (goal >= 0.5)`,
    ].join('\n')}\n`,
  );
} finally {
  server.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
