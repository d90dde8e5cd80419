/**
 * Builds the real-scale database for bench/scale.ts through the project's own code: the paper's
 * dataset by `buildDataset` (what `hfbot ingest` runs), the Hub by the Hub miner against the fake
 * Hub (in its own process, pages serialised before mining starts, as in bench/hub-ingest.ts), the
 * forum by the forum miner's store (`saveTopic`, one topic per transaction as the miner writes).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Db } from '../../src/data/db.js';
import { buildDataset } from '../../src/data/ingest/build.js';
import { forumStore } from '../../src/data/miners/forum/store.js';
import { PoliteHttp } from '../../src/data/miners/http.js';
import { mineHub } from '../../src/data/miners/hub/mine.js';
import { silentLogger } from '../../src/logger.js';
import { corpus } from './corpus.js';

export const FETCHED_AT = '2026-11-01T00:00:00.000Z';

/** The types most mentioned on the forum first (the paper's Table of popular types), then the rest. */
export function mentionOrder(types: readonly string[]): string[] {
  const head = ['bert', 'gpt2', 'llama', 't5', 'roberta', 'bart', 'distilbert', 'whisper', 'vit', 'xlm-roberta'];
  return [...head.filter((t) => types.includes(t)), ...types.filter((t) => !head.includes(t))];
}

export async function buildPaper(dbFile: string, sourceDir: string): Promise<number> {
  const t0 = performance.now();
  await buildDataset({ sourceDir, sourceKind: 'flag', dbFile, logger: silentLogger });
  return performance.now() - t0;
}

export async function buildHub(db: Db, root: string, models: number): Promise<{ ms: number; models: number }> {
  const server = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'test/helpers/fake-hub.ts'), String(models)],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  try {
    const base = await new Promise<string>((resolve, reject) => {
      server.once('error', reject);
      server.once('exit', (code) => reject(new Error(`fake Hub exited with ${code}`)));
      createInterface({ input: server.stdout! }).once('line', resolve);
    });
    const t0 = performance.now();
    const r = await mineHub({
      db,
      baseUrl: base,
      logger: silentLogger,
      now: () => new Date(FETCHED_AT),
      pageSize: 1000,
      http: new PoliteHttp({ requestsPerMinute: 1e9, timeoutMs: 120_000 }),
    });
    return { ms: performance.now() - t0, models: r.models };
  } finally {
    server.kill('SIGTERM');
  }
}

/** Topics 1..n as the first crawl stores them; prints progress every tenth. */
export function buildForum(
  db: Db,
  types: readonly string[],
  topics: number,
  progress: (done: number) => void,
): { ms: number; posts: number } {
  const store = forumStore(db);
  const gen = corpus(mentionOrder(types));
  const t0 = performance.now();
  let posts = 0;
  const step = Math.max(1, Math.floor(topics / 10));
  for (let id = 1; id <= topics; id++) {
    const t = gen.topic(id);
    store.saveTopic(t.topic, t.posts, t.category, FETCHED_AT, null);
    posts += t.posts.length;
    if (id % step === 0) progress(id);
  }
  return { ms: performance.now() - t0, posts };
}

/**
 * 1,000 new posts as the next crawl brings them: `bumped` existing topics get ten more posts
 * each and the rest arrive in new topics (ids after `nextId`), all fetched now.
 */
export function addNewPosts(db: Db, types: readonly string[], nextId: number, bumped: number[]): number {
  const store = forumStore(db);
  const gen = corpus(mentionOrder(types));
  const at = new Date().toISOString();
  let posts = 0;
  for (const id of bumped) {
    const before = gen.topic(id);
    const t = gen.topic(id, 10);
    store.saveTopic(t.topic, t.posts, t.category, at, null);
    posts += t.posts.length - before.posts.length;
  }
  let id = nextId;
  while (posts < 1000) {
    const t = gen.topic(id++);
    const take = t.posts.slice(0, 1000 - posts);
    t.topic.post_stream = { posts: take, stream: take.map((p) => p.id) };
    t.topic.posts_count = take.length;
    store.saveTopic(t.topic, take, t.category, at, null);
    posts += take.length;
  }
  return id;
}
