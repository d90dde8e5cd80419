/**
 * The real-scale benchmark (issue 17 item 5, issue 12 item 6's figures): builds the database at
 * the Hugging Face Forums' and Hub's size (150,000 topics / ~1.55M posts of ~200 words, 2,500,000
 * Hub models) deterministically through the project's own forum store and Hub miner, then prints:
 * first full recompute (time, peak RSS), recompute after 1,000 new posts and with nothing new,
 * warm /trend and /trends p95 on source:mined, the event loop's delay while a refresh runs in the
 * serving process (worker thread vs the bot's own thread), `hfbot ingest` time and peak extra
 * disk, and the size of each file.
 *
 * Run: npx tsx bench/scale.ts [--scale 0.1] [--dir D] [--keep] [--no-full-pass]
 * (scale 1 takes a long while on 2 shared cores and needs ~4 GB of disk.)
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/data/db.js';
import { minedFileOf } from '../src/data/mined-file.js';
import { setMinedMeta } from '../src/data/mined-meta.js';
import { readModelTypes } from '../src/data/miners/hub/model-types.js';
import { recompute } from '../src/jobs/recompute.js';
import { createLogger } from '../src/logger.js';
import { createServices } from '../src/services.js';
import { addNewPosts, buildForum, buildHub, buildPaper } from './scale/build.js';
import { commandLatency, median, noRefresh, refreshInline, refreshOnWorker } from './scale/measure.js';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    dir: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'no-full-pass': { type: 'boolean', default: false },
  },
});
const scale = Number(values.scale);
if (!(scale > 0 && scale <= 1)) throw new Error('--scale takes a number in (0, 1], e.g. --scale 0.1');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = process.env.HFBOT_REPLICATION_DIR ?? path.resolve(root, '../shared/saner2024');
const dir = values.dir ?? mkdtempSync(path.join(os.tmpdir(), 'hfbot-bench-scale-'));
mkdirSync(dir, { recursive: true });
const dbFile = path.join(dir, 'hfbot.sqlite');
const minedFile = minedFileOf(dbFile);
const TOPICS = Math.round(150_000 * scale);
const MODELS = Math.round(2_500_000 * scale);

const out = (s: string) => process.stdout.write(`${s}\n`);
const s1 = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const ms1 = (ms: number) => `${ms.toFixed(1)} ms`;
const mib = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MiB`;
const size = (f: string) => (existsSync(f) ? statSync(f).size : 0);
const dirBytes = () => readdirSync(dir).reduce((a, f) => a + size(path.join(dir, f)), 0);
const sizes = () =>
  `dataset ${mib(size(dbFile))}, mined ${mib(size(minedFile))} (+ WAL ${mib(size(`${minedFile}-wal`))}), total ${mib(dirBytes())}`;

/** A step in a process of its own (its own peak RSS); returns its JSON line. */
async function step(...args: string[]): Promise<Record<string, unknown> & { ms: number; peakRssMiB: number }> {
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'bench/scale/step.ts'), ...args],
    { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (stderr.trim()) process.stderr.write(stderr);
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

out(
  `scale ${scale}: ${TOPICS.toLocaleString('en-US')} topics, ${MODELS.toLocaleString('en-US')} Hub models, in ${dir}`,
);
out(
  `load average at start: ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} (2 shared cores)`,
);
const types = readModelTypes();

// --- build
out(`paper's dataset (buildDataset): ${s1(await buildPaper(dbFile, source))}`);
{
  // The same step as at the end, before anything is mined: what ingest costs with the paper alone.
  const alone = await step('ingest', dbFile, source);
  out(`hfbot ingest with only the paper's data: ${s1(alone.ms)}`);
}
{
  const db = openDatabase(dbFile);
  const hub = await buildHub(db, root, MODELS);
  out(`Hub: ${hub.models.toLocaleString('en-US')} models mined from the fake Hub in ${s1(hub.ms)}`);
  const forum = buildForum(db, types, TOPICS, (n) => out(`  forum: ${n.toLocaleString('en-US')} topics stored`));
  out(`forum: ${TOPICS} topics, ${forum.posts.toLocaleString('en-US')} posts stored in ${s1(forum.ms)}`);
  db.pragma('mined.wal_checkpoint(TRUNCATE)');
  db.close();
}
out(`size after the crawl: ${sizes()}`);

// --- first full recompute, in a process of its own
const first = await step('recompute', dbFile);
out(
  `first full recompute: ${s1(first.ms)}, peak RSS ${first.peakRssMiB} MiB (process ${first.rssBeforeMiB} MiB before it)`,
);

// --- serving-process measurements
const config = loadConfig({ HFBOT_DB: dbFile }, dir);
// Errors only, to stderr: a command that fails during a refresh says why.
const services = createServices(config, createLogger({ level: 'error' }), {
  dbFile,
});
const nothing: number[] = [];
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  const r = recompute(services);
  nothing.push(performance.now() - t0);
  if (r.derived.changed || r.mentions.topics) throw new Error('a recompute with nothing new changed something');
}
out(`recompute with nothing new: median ${ms1(median(nothing))} (${nothing.map(ms1).join(', ')})`);

let nextId = TOPICS + 1;
const bumped = (k: number) => Array.from({ length: 50 }, (_, i) => 1 + ((i * 2_971 + k * 7) % TOPICS));
const after: number[] = [];
for (let k = 0; k < 5; k++) {
  nextId = addNewPosts(services.db, types, nextId, bumped(k));
  const t0 = performance.now();
  const r = recompute(services);
  after.push(performance.now() - t0);
  if (!r.derived.changed) throw new Error('1,000 new posts changed nothing');
}
out(
  `recompute after 1,000 new posts (50 bumped topics + new ones): median ${ms1(median(after))} (${after.map(ms1).join(', ')})`,
);

for (const text of ['/trend bert source:mined', '/trends source:mined', '/cards source:mined']) {
  const l = await commandLatency(services, text);
  out(`${text} warm: p50 ${ms1(l.p50)}, p95 ${ms1(l.p95)}, max ${ms1(l.max)}`);
}

const report = (label: string, d: Awaited<ReturnType<typeof refreshOnWorker>>) =>
  out(
    `${label}: refresh ${s1(d.refreshMs)}; event loop max ${ms1(d.loopMaxMs)}, p99 ${ms1(d.loopP99Ms)}; ` +
      `${d.answers} /trend answers meanwhile, p95 ${ms1(d.answerP95Ms)}, max ${ms1(d.answerMaxMs)}`,
  );
report('no refresh (the same client for 5 s: the noise of the shared machine)', await noRefresh(services));
nextId = addNewPosts(services.db, types, nextId, bumped(10));
report('refresh after 1,000 new posts on the worker thread (now)', await refreshOnWorker(services));
nextId = addNewPosts(services.db, types, nextId, bumped(11));
report('refresh after 1,000 new posts on the bot thread (before)', await refreshInline(services));
if (!values['no-full-pass']) {
  // Forget what was scanned: the next refresh matches every topic again (the first pass after a crawl).
  setMinedMeta(services.db, 'mined_mentions_scanned_at', '');
  report('full pass (every topic) on the worker thread', await refreshOnWorker(services));
}
services.db.pragma('mined.wal_checkpoint(TRUNCATE)');
services.db.close();

// --- hfbot ingest on that database, polling the directory's size for the peak extra disk
const minedStat = () => `${statSync(minedFile).size}:${statSync(minedFile).mtimeMs}`;
const ingests: number[] = [];
let extra = 0;
for (let i = 0; i < 3; i++) {
  const minedBefore = minedStat();
  const base = dirBytes();
  const poll = setInterval(() => (extra = Math.max(extra, dirBytes() - base)), 5);
  const r = await step('ingest', dbFile, source);
  clearInterval(poll);
  ingests.push(r.ms);
  if (minedStat() !== minedBefore) throw new Error('hfbot ingest touched the mined file');
}
out(
  `hfbot ingest on this database: median ${s1(median(ingests))} (${ingests.map(s1).join(', ')}); ` +
    `peak extra disk ${mib(extra)} (the directory's size sampled every 5 ms while it ran)`,
);
out(`size at the end: ${sizes()}`);
if (!values.keep && !values.dir) rmSync(dir, { recursive: true, force: true });
