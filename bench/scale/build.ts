/**
 * Builds the real-scale database for bench/scale.ts through the project's own code: the paper's
 * dataset by `buildDataset` (what `hfbot ingest` runs), the Hub by the Hub miner against the fake
 * Hub (in its own process, pages serialised before mining starts, as in bench/hub-ingest.ts), the
 * forum by the forum miner's stores as a topic read whole is stored (`saveFetched` and
 * `saveTopicPosts`, cooked HTML to text), 500 topics a transaction as the miner commits.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Db } from '../../src/data/db.js';
import { buildDataset } from '../../src/data/ingest/build.js';
import { topicStore } from '../../src/data/miners/forum/store.js';
import { goneStore } from '../../src/data/miners/forum/store-gone.js';
import { postStore } from '../../src/data/miners/forum/store-posts.js';
import { PoliteHttp } from '../../src/data/miners/http.js';
import { mineHub } from '../../src/data/miners/hub/mine.js';
import { silentLogger } from '../../src/logger.js';
import { CATEGORIES, corpus } from './corpus.js';

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

const RUN = 'bench-scale';
/** Commits every this many topics, as the forum miner does (commit-policy.ts: every 500 steps). */
const PER_COMMIT = 500;

function stores(db: Db) {
  const topics = topicStore(db);
  const posts = postStore(db, goneStore(db));
  topics.putCategories(CATEGORIES.map((name, i) => ({ id: i + 1, name, slug: null, parentId: null })));
  return { topics, posts };
}

/** Topics 1..n as the first crawl stores them; reports progress every tenth. */
export function buildForum(
  db: Db,
  types: readonly string[],
  topics: number,
  progress: (done: number) => void,
): { ms: number; posts: number } {
  const st = stores(db);
  const gen = corpus(mentionOrder(types));
  const t0 = performance.now();
  let posts = 0;
  const step = Math.max(1, Math.floor(topics / 10));
  const batch = db.transaction((from: number, to: number) => {
    for (let id = from; id < to; id++) {
      const t = gen.topic(id);
      st.topics.saveFetched(t.topic, RUN, FETCHED_AT);
      st.posts.saveTopicPosts(
        t.topic,
        t.posts,
        t.posts.map((p) => p.id),
        FETCHED_AT,
      );
      posts += t.posts.length;
    }
  });
  for (let from = 1; from <= topics; from += PER_COMMIT) {
    const to = Math.min(topics + 1, from + PER_COMMIT);
    batch(from, to);
    if (Math.floor((to - 1) / step) > Math.floor((from - 1) / step)) progress(to - 1);
  }
  return { ms: performance.now() - t0, posts };
}

/**
 * 1,000 new posts as the next crawl brings them: `bumped` existing topics get ten more posts
 * each and the rest arrive in new topics (ids from `nextId`), all fetched now. Returns the next free id.
 */
export function addNewPosts(db: Db, types: readonly string[], nextId: number, bumped: number[]): number {
  const st = stores(db);
  const gen = corpus(mentionOrder(types));
  const at = new Date().toISOString();
  let posts = 0;
  let id = nextId;
  db.transaction(() => {
    for (const b of bumped) {
      const before = gen.topic(b).posts.length;
      const t = gen.topic(b, 10);
      st.topics.saveFetched(t.topic, RUN, at);
      st.posts.saveTopicPosts(
        t.topic,
        t.posts,
        t.posts.map((p) => p.id),
        at,
      );
      posts += t.posts.length - before;
    }
    while (posts < 1000) {
      const t = gen.topic(id++);
      const take = t.posts.slice(0, 1000 - posts);
      t.topic.posts_count = take.length;
      st.topics.saveFetched(t.topic, RUN, at);
      st.posts.saveTopicPosts(
        t.topic,
        take,
        take.map((p) => p.id),
        at,
      );
      posts += take.length;
    }
  })();
  return id;
}
