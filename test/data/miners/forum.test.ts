import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src/data/db.js';
import { PoliteHttp, virtualClock } from '../../../src/data/miners/http.js';
import { mineForum } from '../../../src/data/miners/forum/mine.js';
import type { HfbotError } from '../../../src/errors.js';
import { memoryLogger } from '../../../src/logger.js';
import {
  generateTopics,
  startFakeDiscourse,
  startFaultyServer,
  type FakeDiscourse,
  type FaultyServer,
} from '../../helpers/fake-discourse.js';

const FIXTURES = path.resolve(
  process.env.HFBOT_SHARED_DIR ?? path.join(import.meta.dirname, '../../../../shared'),
  'fixtures/discourse',
);
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
const fresh = () => openDatabase(':memory:', { create: true });
const http = (o: ConstructorParameters<typeof PoliteHttp>[0] = {}) => {
  const c = virtualClock();
  return new PoliteHttp({
    requestsPerMinute: 1e9,
    now: c.now,
    sleep: c.sleep,
    timeoutMs: 2000,
    backoffBaseMs: 10,
    ...o,
  });
};
const mine = (db: Db, baseUrl: string, extra: Partial<Parameters<typeof mineForum>[0]> = {}) =>
  mineForum({
    db,
    http: http(),
    baseUrl,
    logger: memoryLogger(),
    now: () => new Date('2026-11-22T12:00:00Z'),
    ...extra,
  });
const n = (db: Db, sql: string) => db.prepare(sql).pluck().get() as number;

describe('data/miners/forum on the real Discourse fixtures (Perceval)', () => {
  let srv: FaultyServer;
  let latest = 'discourse_topics_pinned.json';
  beforeAll(async () => {
    srv = await startFaultyServer((url) => {
      const p = url.pathname;
      if (p === '/latest.json') return { status: 200, body: fixture(latest) };
      if (p === '/categories.json')
        return {
          status: 200,
          body: JSON.stringify({ category_list: { categories: [{ id: 111, name: 'Add-ons', slug: 'add-ons' }] } }),
        };
      const m = /^\/t\/(\d+)\.json$/.exec(p);
      if (m) return { status: 200, body: fixture(`discourse_topic_${m[1]}.json`) };
      if (/^\/t\/\d+\/posts\.json$/.test(p)) return { status: 200, body: fixture('discourse_posts.json') };
      return { status: 404, body: '{}' };
    });
  });
  afterAll(() => srv.close());

  it('stores the three topics, their posts as text, and asks for exactly the posts beyond the first chunk', async () => {
    const db = fresh();
    const r = await mine(db, srv.base);
    expect(r).toMatchObject({ pages: 1, newTopics: 3, postChunks: 1, skipped: [] });
    // 1 page + 3 topics + 1 chunk for topic 1148 (22 posts, 20 sent) + 1 category lookup.
    expect(r.requests).toBe(6);
    const t1148 = JSON.parse(fixture('discourse_topic_1148.json')) as { post_stream: { stream: number[] } };
    const chunk = srv.requests.find((q) => q.startsWith('/t/1148/posts.json'))!;
    expect(new URL(chunk, 'http://x').searchParams.getAll('post_ids[]').map(Number)).toEqual(
      t1148.post_stream.stream.slice(20),
    );
    expect(
      db.prepare('SELECT id, category, views, reply_count, posts_count FROM forum_topics ORDER BY id').all(),
    ).toEqual([
      { id: 1148, category: 'Add-ons', views: 13372, reply_count: 70, posts_count: 22 },
      { id: 1149, category: 'Add-ons', views: 13372, reply_count: 2, posts_count: 2 },
      { id: 1150, category: 'Add-ons', views: 13372, reply_count: 2, posts_count: 2 },
    ]);
    // The recorded chunk holds another topic's posts: they are not in 1148's stream, so not stored.
    expect(n(db, 'SELECT count(*) FROM forum_posts WHERE topic_id = 1148')).toBe(20);
    expect(n(db, 'SELECT count(*) FROM forum_posts WHERE id = 4383')).toBe(0);
    const text = db
      .prepare('SELECT text FROM forum_posts WHERE topic_id = 1148 AND post_number = 1')
      .pluck()
      .get() as string;
    expect(text).not.toMatch(/<[a-z]+[ >]/);
    expect(text.length).toBeGreaterThan(50);
  });

  it('reads a listing whose last_posted_at is null, and an empty listing', async () => {
    latest = 'discourse_topics_last_posted_at_null.json';
    const db = fresh();
    expect((await mine(db, srv.base)).newTopics).toBe(2);
    latest = 'discourse_topics_empty.json';
    const r = await mine(fresh(), srv.base);
    expect(r).toMatchObject({ pages: 1, newTopics: 0, requests: 1 });
  });
});

describe('data/miners/forum on a generated forum of 2,000 topics', () => {
  let fd: FakeDiscourse;
  const topics = generateTopics(2000);
  const totalPosts = topics.reduce((s, t) => s + t.posts.length, 0);
  const longTopics = topics.filter((t) => t.posts.length > 20).length;
  beforeAll(async () => {
    fd = await startFakeDiscourse(topics);
  });
  afterAll(() => fd.close());
  const countsBefore = () => ({
    latest: fd.count('latest'),
    topic: fd.count('topic'),
    posts: fd.count('posts'),
    categories: fd.count('categories'),
  });
  const delta = (b: ReturnType<typeof countsBefore>) => ({
    latest: fd.count('latest') - b.latest,
    topic: fd.count('topic') - b.topic,
    posts: fd.count('posts') - b.posts,
    categories: fd.count('categories') - b.categories,
  });

  it('mines everything once, then only what changed, with the minimum of requests', async () => {
    const db = fresh();
    let b = countsBefore();
    const first = await mine(db, fd.base);
    // 45-post topics need 2 extra chunks (20 + 20 + 5).
    expect(delta(b)).toEqual({ latest: Math.ceil(2000 / 30), topic: 2000, posts: 2 * longTopics, categories: 1 });
    expect(first.requests).toBe(Math.ceil(2000 / 30) + 2000 + 2 * longTopics + 1);
    expect(n(db, 'SELECT count(*) FROM forum_topics')).toBe(2000);
    expect(n(db, 'SELECT count(*) FROM forum_posts')).toBe(totalPosts);
    expect(n(db, "SELECT count(*) FROM forum_topics WHERE category = 'Transformers Agents'")).toBeGreaterThan(0);
    expect(n(db, 'SELECT count(*) FROM forum_topics WHERE accepted_answer_post_id IS NOT NULL')).toBe(
      topics.filter((t) => t.posts.some((p) => p.accepted_answer)).length,
    );

    // Five old topics get replies (one of them long), three new topics appear.
    const long = topics.find((t) => t.posts.length > 20)!;
    for (const [i, t] of [topics[10]!, topics[500]!, topics[1200]!, topics[1999]!, long].entries())
      fd.reply(t.id, `Answer ${i} about LLaMA`, `2023-07-0${i + 1}T10:00:00.000Z`);
    for (let i = 0; i < 3; i++) fd.addTopic(`New topic ${i} on whisper`, 'hello', `2023-07-1${i}T10:00:00.000Z`);
    b = countsBefore();
    const second = await mine(db, fd.base);
    // One page holds the 8 changed topics and the checkpoint; the long topic's new post needs one chunk.
    expect(delta(b)).toEqual({ latest: 1, topic: 8, posts: 1, categories: 0 });
    expect(second).toMatchObject({ newTopics: 3, changedTopics: 5, resumed: false });
    expect(n(db, 'SELECT count(*) FROM forum_topics')).toBe(2003);
    expect(n(db, 'SELECT count(*) FROM forum_posts')).toBe(totalPosts + 5 + 3);
    expect(n(db, `SELECT count(*) FROM forum_posts WHERE topic_id = ${long.id}`)).toBe(long.posts.length);

    b = countsBefore();
    const third = await mine(db, fd.base);
    expect(delta(b)).toEqual({ latest: 1, topic: 0, posts: 0, categories: 0 });
    expect(third.requests).toBe(1);
  });

  it('--since limits a first run to topics active after the date', async () => {
    const db = fresh();
    const since = '2023-01-01T00:00:00.000Z';
    await mine(db, fd.base, { since });
    const expected = [...fd.topics.values()].filter((t) => t.bumped_at > since).length;
    expect(n(db, 'SELECT count(*) FROM forum_topics')).toBe(expected);
  });

  it('rides out 429, 500, cut bodies, resets and slow answers; skips a malformed topic with its URL and gets it next run', async () => {
    const db = fresh();
    const id = (i: number) => topics[i]!.id;
    fd.inject({ kind: 'status', status: 429, retryAfter: '2', match: (p) => p === '/latest.json?page=3' });
    fd.inject({ kind: 'status', status: 500, times: 2, match: (p) => p === `/t/${id(100)}.json` });
    fd.inject({ kind: 'truncate', match: (p) => p === `/t/${id(200)}.json` });
    fd.inject({ kind: 'reset', match: (p) => p === `/t/${id(300)}.json` });
    fd.inject({ kind: 'slow', delayMs: 500, match: (p) => p === `/t/${id(400)}.json` });
    fd.inject({ kind: 'badjson', match: (p) => p === `/t/${id(600)}.json` });
    const logger = memoryLogger();
    const r = await mineForum({ db, http: http({ timeoutMs: 200 }), baseUrl: fd.base, logger, now: () => new Date() });
    expect(fd.pending()).toBe(0);
    expect(r.skipped).toEqual([
      { url: `${fd.base}/t/${id(600)}.json`, error: expect.stringContaining(`${fd.base}/t/${id(600)}.json`) as string },
    ]);
    expect(n(db, 'SELECT count(*) FROM forum_topics')).toBe(fd.topics.size - 1);
    expect(n(db, 'SELECT topic_id FROM forum_skipped')).toBe(id(600));
    const again = await mine(db, fd.base);
    expect(again.requests).toBe(2); // the skipped topic, then page 0
    expect(n(db, 'SELECT count(*) FROM forum_topics')).toBe(fd.topics.size);
    expect(n(db, 'SELECT count(*) FROM forum_skipped')).toBe(0);
  });

  it('an interrupted run resumes at the page it stopped on: nothing lost, nothing fetched twice', async () => {
    const db = fresh();
    fd.inject({ kind: 'status', status: 503, times: 3, match: (p) => p === '/latest.json?page=20' });
    const err = await mineForum({
      db,
      http: http({ maxTries: 3 }),
      baseUrl: fd.base,
      logger: memoryLogger(),
      now: () => new Date(),
    }).catch((e: unknown) => e);
    expect((err as HfbotError).code).toBe('E_NETWORK');
    const partial = n(db, 'SELECT count(*) FROM forum_topics');
    expect(partial).toBe(20 * 30); // pages 0-19
    expect(n(db, 'SELECT run_page FROM forum_checkpoint')).toBe(20);
    const b = countsBefore();
    const r = await mine(db, fd.base);
    expect(r.resumed).toBe(true);
    expect(fd.requests.filter((q) => q.startsWith('/latest.json')).slice(-delta(b).latest)[0]).toBe(
      '/latest.json?page=20',
    );
    expect(delta(b).topic).toBe(fd.topics.size - partial);
    expect(n(db, 'SELECT count(*) FROM forum_topics')).toBe(fd.topics.size);
    expect(n(db, 'SELECT count(*) FROM forum_posts')).toBe(
      [...fd.topics.values()].reduce((s, t) => s + t.posts.length, 0),
    );
    expect(n(db, 'SELECT run_page FROM forum_checkpoint')).toBeNull();
  });
});
