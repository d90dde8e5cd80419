/**
 * Mention matching, old vs new (issue 17 item 2). On a generated forum (real forum sentences of
 * the replication package with model names mixed in, ~2 model types per topic, posts of ~200
 * words; test/helpers/mention-corpus.ts):
 *  1. matcher throughput in memory on a sample of up to 100,000 posts: MB/s and hits/s;
 *  2. the first full recompute (`hfbot mine stats`: deriveMentions + deriveSeries) on a database
 *     built with the whole corpus plus Hub models, each run in a fresh process: time of each step,
 *     peak RSS, and whether old and new wrote the same mention_matches table.
 * The "old" side is the code before this change, kept in test/helpers/reference-*.ts.
 * Run: npx tsx bench/mentions.ts [--posts N (1,551,416)] [--models N (2,500,000 x posts/1,551,416)]
 *      [--runs N (3)] [--db FILE (reused if built with the same sizes)] [--no-old]
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildMentionMatcher } from '../src/analysis/mentions.js';
import { getMeta, openDatabase, setMeta } from '../src/data/db.js';
import { minedFileOf } from '../src/data/mined-file.js';
import { scanMatcher } from '../src/data/derive/batch-matcher.js';
import { deriveSeries } from '../src/data/derive/series.js';
import { deriveMentions } from '../src/data/derive/mentions.js';
import { topicPostsReader } from '../src/data/derive/topic-posts.js';
import { readModelTypes } from '../src/data/miners/hub/model-types.js';
import { type FakeModel, fakeModel } from '../test/helpers/fake-hub.js';
import { generateCorpus, storeCorpus } from '../test/helpers/mention-corpus.js';
import { referenceDeriveMentions } from '../test/helpers/reference-derive-mentions.js';
import { buildReferenceMatcher } from '../test/helpers/reference-mentions.js';

const { values: o } = parseArgs({
  options: {
    posts: { type: 'string', default: '1551416' },
    models: { type: 'string' },
    runs: { type: 'string', default: '3' },
    db: { type: 'string' },
    'no-old': { type: 'boolean', default: false },
    child: { type: 'string' },
  },
});
const POSTS = Number(o.posts);
const TOPICS = Math.max(1, Math.round(POSTS / 10.343)); // 1,551,416 posts / 150,000 topics
const MODELS = o.models === undefined ? Math.round((2_500_000 * POSTS) / 1_551_416) : Number(o.models);
const types = readModelTypes();
const now = () => new Date('2026-11-22T12:00:00Z');
const mib = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MiB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
/**
 * CPU time of this process in ms (user + system). The machine is shared: wall time is printed
 * too, but CPU time is what the code costs when it has a core to itself.
 */
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const corpus = () => generateCorpus({ topics: TOPICS, seed: 2024, types });

/**
 * A child process: one first full recompute, old or new, on a database whose derived rows it
 * clears first; then, untimed in the total, the reading and the matching alone, the same way.
 */
function child(kind: 'old' | 'new', file: string): void {
  const db = openDatabase(file);
  db.exec('DELETE FROM mention_matches');
  // The scan's mark lives with the mined data (src/data/mined-meta.ts).
  db.prepare("DELETE FROM mined_meta WHERE key = 'mined_mentions_scanned_at'").run();
  const matcher = kind === 'old' ? buildReferenceMatcher(types) : buildMentionMatcher(types);
  const [w0, t0] = [performance.now(), cpu()];
  // New: as recompute() runs it, matching on a worker thread while this one reads and writes.
  const scan =
    kind === 'old' ? referenceDeriveMentions(db, matcher, { now }) : deriveMentions(db, scanMatcher(types), { now });
  const t1 = cpu();
  deriveSeries(db, types, now);
  const [w2, t2] = [performance.now(), cpu()];
  const peak = process.resourceUsage().maxRSS * 1024;
  const h = createHash('sha256');
  for (const row of db.prepare('SELECT * FROM mention_matches ORDER BY topic_id, model_type').raw().iterate())
    h.update(JSON.stringify(row));
  // Reading alone (old: a string per post; new: UTF-8 bytes, a topic's posts joined), then
  // reading and matching, 2,000 topics at a time.
  const ids = db.prepare('SELECT id FROM forum_topics ORDER BY id').pluck().all() as number[];
  const perPost = db
    .prepare(
      'SELECT topic_id, text FROM forum_posts WHERE topic_id IN (SELECT value FROM json_each(?)) ORDER BY topic_id, post_number',
    )
    .raw();
  const joined = topicPostsReader(db);
  const read = (batch: number[]): Map<number, never[]> => {
    if (kind === 'new') return joined(batch) as Map<number, never[]>;
    const topics = new Map<number, never[]>();
    for (const [id, text] of perPost.all(JSON.stringify(batch)) as [number, never][]) {
      const list = topics.get(id);
      if (list) list.push(text);
      else topics.set(id, [text]);
    }
    return topics;
  };
  const batches = function* () {
    for (let i = 0; i < ids.length; i += 2000) yield read(ids.slice(i, i + 2000));
  };
  const t3 = cpu();
  for (const _ of batches());
  const readMs = cpu() - t3;
  let matchMs = 0;
  for (const topics of batches()) {
    const t4 = cpu();
    for (const texts of topics.values()) kind === 'old' ? matcher.find(texts) : matcher.findUtf8(texts);
    matchMs += cpu() - t4;
  }
  db.close();
  const out = {
    wallMs: w2 - w0,
    mentionsMs: t1 - t0,
    seriesMs: t2 - t1,
    readMs,
    matchMs,
    peak,
    hits: scan.matches,
    table: h.digest('hex'),
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

/** Builds (or reuses) the database; returns the bytes of forum text (titles and posts, UTF-8). */
function buildDb(file: string): number {
  const key = `posts=${POSTS} models=${MODELS} corpus=1`;
  if (existsSync(file)) {
    const db = openDatabase(file);
    const same = getMeta(db, 'bench_mentions') === key;
    db.close();
    if (same) {
      process.stdout.write(`reusing ${file} (${key})\n`);
      return textBytes(file);
    }
    // The mined file beside it too: a stale one would be attached to the new dataset.
    for (const f of [file, minedFileOf(file)]) for (const x of ['', '-wal', '-shm']) rmSync(f + x, { force: true });
  }
  const t0 = performance.now();
  const db = openDatabase(file, { create: true });
  // Scratch database: no journal, no fsync while building it (the recompute runs with the defaults).
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  const stored = storeCorpus(db, corpus(), '2026-11-20T00:00:00Z');
  const insert = db.prepare(
    'INSERT INTO hub_models (hub_id, id, author, created_month, model_type, has_card, pipeline_tag, library) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    for (let i = 0; i < MODELS; i++) {
      const m = fakeModel(i) as FakeModel;
      const t = m.config?.model_type;
      const card = m.cardData && Object.keys(m.cardData).length ? 1 : 0;
      insert.run(
        m._id,
        m.id,
        m.author,
        m.createdAt.slice(0, 7),
        typeof t === 'string' ? t : null,
        card,
        m.pipeline_tag,
        m.library_name,
      );
    }
  })();
  setMeta(db, 'bench_mentions', key);
  db.pragma('journal_mode = DELETE');
  db.close();
  process.stdout.write(
    `built ${file}: ${stored.topics.toLocaleString('en-US')} topics, ${stored.posts.toLocaleString('en-US')} posts, ${MODELS.toLocaleString('en-US')} Hub models in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`,
  );
  return textBytes(file);
}

function textBytes(file: string): number {
  const db = openDatabase(file, { readonly: true });
  const sum = (sql: string) => db.prepare(sql).pluck().get() as number;
  const bytes =
    sum('SELECT sum(length(CAST(title AS BLOB))) FROM forum_topics') +
    sum('SELECT sum(length(CAST(text AS BLOB))) FROM forum_posts');
  db.close();
  return bytes;
}

function throughput(runs: number): void {
  const topics: string[][] = [];
  let posts = 0;
  for (const t of corpus()) {
    if (posts >= Math.min(POSTS, 100_000)) break;
    topics.push([t.title, ...t.posts]);
    posts += t.posts.length;
  }
  const utf8 = topics.map((texts) => texts.map((x) => Buffer.from(x)));
  const bytes = utf8.flat().reduce((s, x) => s + x.length, 0);
  const reference = buildReferenceMatcher(types);
  const matcher = buildMentionMatcher(types);
  const ways = {
    'old (strings)': () => topics.reduce((n, texts) => n + reference.find(texts).length, 0),
    'new (strings)': () => topics.reduce((n, texts) => n + matcher.find(texts).length, 0),
    'new (UTF-8 bytes, as the derive reads posts)': () =>
      utf8.reduce((n, texts) => n + matcher.findUtf8(texts).length, 0),
  };
  const secs = new Map<string, number[]>(Object.keys(ways).map((k) => [k, []]));
  let hits = 0;
  for (let r = 0; r < runs; r++)
    for (const [k, f] of Object.entries(ways)) {
      const t0 = cpu();
      hits = f();
      secs.get(k)!.push((cpu() - t0) / 1000);
    }
  process.stdout.write(
    `matcher in memory, ${posts.toLocaleString('en-US')} posts (${(bytes / 1e6).toFixed(0)} MB of UTF-8, ${hits.toLocaleString('en-US')} hits), CPU time, median of ${runs}:\n`,
  );
  const old = median(secs.get('old (strings)')!);
  for (const [k, xs] of secs)
    process.stdout.write(
      `  ${k}: ${(bytes / 1e6 / median(xs)).toFixed(0)} MB/s  ${Math.round(hits / median(xs)).toLocaleString('en-US')} hits/s  (${(old / median(xs)).toFixed(1)}x old)\n`,
    );
}

if (o.child) child(o.child as 'old' | 'new', o.db!);
else {
  const runs = Number(o.runs);
  throughput(runs);
  const dir = o.db ? null : mkdtempSync(path.join(os.tmpdir(), 'hfbot-bench-mentions-'));
  const file = o.db ?? path.join(dir!, 'forum.sqlite');
  const bytes = buildDb(file);
  const kinds = o['no-old'] ? (['new'] as const) : (['old', 'new'] as const);
  const results: Record<string, ReturnType<typeof JSON.parse>[]> = { old: [], new: [] };
  for (let r = 0; r < runs; r++)
    for (const k of kinds) {
      const run = spawnSync(
        process.execPath,
        ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', k, '--db', file],
        {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'inherit'],
          maxBuffer: 1 << 20,
        },
      );
      if (run.status !== 0) throw new Error(`${k} run failed (${run.status})`);
      results[k]!.push(JSON.parse(run.stdout.trim().split('\n').at(-1)!));
    }
  process.stdout.write(
    `first full recompute (mentions + series) over ${(bytes / 1e6).toFixed(0)} MB of forum text, fresh process each, median of ${runs} (CPU time counts every thread):\n`,
  );
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  for (const k of kinds) {
    const rs = results[k]!;
    const m = (f: string) => median(rs.map((x) => x[f] as number));
    process.stdout.write(
      `  ${k}: wall ${s(m('wallMs'))} (CPU ${s(m('mentionsMs') + m('seriesMs'))}), peak RSS ${mib(m('peak'))}; mentions ${s(m('mentionsMs'))} CPU (reading alone ${s(m('readMs'))}, matching alone ${s(m('matchMs'))} = ${(bytes / 1e3 / m('matchMs')).toFixed(0)} MB/s, the rest writing and bookkeeping), series ${s(m('seriesMs'))}; ${rs[0].hits.toLocaleString('en-US')} matches\n`,
    );
  }
  if (kinds.length === 2)
    process.stdout.write(
      `  same mention_matches table old and new: ${results.old![0].table === results.new![0].table ? 'yes' : 'NO'}\n`,
    );
  if (dir) rmSync(dir, { recursive: true, force: true });
}
