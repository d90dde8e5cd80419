import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  generateTopics,
  startFakeDiscourse,
  startFaultyServer,
  type FakeDiscourse,
  type FakeTopic,
  type FaultyServer,
} from '../../helpers/fake-discourse.js';
import { count, fresh, mineF } from '../../helpers/miners.js';

const FIXTURES = path.resolve(
  process.env.HFBOT_SHARED_DIR ?? path.join(import.meta.dirname, '../../../../shared'),
  'fixtures/discourse',
);
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
/** The fake's /latest order: pinned first, then newest bump. */
const listing = (fd: FakeDiscourse) =>
  [...fd.topics.values()]
    .filter((t) => !t.deleted)
    .sort((x, y) => Number(y.pinned) - Number(x.pinned) || y.bumped_at.localeCompare(x.bumped_at) || y.id - x.id);
const regular = (topics: FakeTopic[]) =>
  topics.reduce((n, t) => n + t.posts.filter((p) => (p.post_type ?? 1) === 1 && !p.deleted).length, 0);

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
      return { status: 404, body: '{"errors":["not found"],"error_type":"not_found"}' };
    });
  });
  afterAll(() => srv.close());

  it('without /posts.json reads each topic whole: posts as text, and only the posts beyond the first chunk', async () => {
    const db = fresh();
    const r = await mineF(db, srv.base);
    expect(r).toMatchObject({ mode: 'full', postsApi: false, pages: 1, newTopics: 3, fetchedTopics: 3, skipped: [] });
    // about (plan) + 1 page + posts.json (404) + 1 category lookup + 3 topics + 1 chunk for 1148 (22 posts, 20 sent).
    expect(r.requests).toBe(8);
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
    // (The fixtures of 1149 and 1150 reuse 1148's first two post ids: a post id is one post, so it
    // stays once, with the topic read last.)
    expect(count(db, 'SELECT count(*) FROM forum_posts WHERE topic_id = 1148')).toBe(18);
    expect(count(db, 'SELECT count(*) FROM forum_posts')).toBe(20);
    expect(count(db, 'SELECT count(*) FROM forum_posts WHERE id = 4383')).toBe(0);
    const row = db
      .prepare('SELECT text, version, updated_at FROM forum_posts WHERE topic_id = 1148 AND post_number = 3')
      .get() as {
      text: string;
      version: number;
      updated_at: string;
    };
    expect(row.text).not.toMatch(/<[a-z]+[ >]/);
    expect(row.text.length).toBeGreaterThan(50);
    expect(row.version).toBeGreaterThanOrEqual(1);
    expect(row.updated_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('reads a listing whose last_posted_at is null, and an empty listing', async () => {
    latest = 'discourse_topics_last_posted_at_null.json';
    expect((await mineF(fresh(), srv.base)).newTopics).toBe(2);
    latest = 'discourse_topics_empty.json';
    const r = await mineF(fresh(), srv.base);
    expect(r).toMatchObject({ pages: 1, newTopics: 0, partial: false });
  });
});

// 620 topics: 21 listing pages (the last one short), 36 /posts.json pages, 7 long topics (beyond the
// first chunk of 20), small actions, accepted answers and a subcategory, so every case of the crawl is
// here. (It was 2,000 topics: the same cases at three times the cost, and over vitest's 30 s timeout
// when the shared machine was loaded. The crawl at scale is measured by bench/forum-crawl.ts.)
const N = 620;

describe(`data/miners/forum on a generated forum of ${N} topics`, () => {
  let fd: FakeDiscourse;
  let topics: FakeTopic[];
  beforeAll(async () => {
    topics = generateTopics(N);
    fd = await startFakeDiscourse(topics);
  });
  afterAll(() => fd.close());
  const counts = () => ({
    about: fd.count('about'),
    latest: fd.count('latest'),
    latest_posts: fd.count('latest_posts'),
    topic: fd.count('topic'),
    posts: fd.count('posts'),
    categories: fd.count('categories'),
  });
  const delta = (b: ReturnType<typeof counts>) => {
    const a = counts();
    return Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v - b[k as keyof typeof b]]));
  };

  it('a first crawl reads 30 topics and 50 posts a request; later runs read only what changed', async () => {
    const db = fresh();
    const plans: unknown[] = [];
    let b = counts();
    const first = await mineF(db, fd.base, { onPlan: (p) => plans.push(p) });
    const posts = regular(topics);
    // /posts.json pages: 50 each, and the last one short (an exact multiple ends with an empty page).
    const postPages = Math.floor(posts / 50) + 1;
    const listingPages = Math.ceil(N / 30);
    expect(listingPages).toBe(21);
    expect(delta(b)).toEqual({
      about: 1,
      latest: listingPages,
      latest_posts: postPages,
      topic: 0,
      posts: 0,
      categories: 1,
    });
    expect(first).toMatchObject({ mode: 'full', postsApi: true, newTopics: N, newPosts: posts, partial: false });
    expect(first.requests / N).toBeLessThan(0.1);
    expect(plans).toEqual([
      expect.objectContaining({
        topics: N,
        // /about.json reports every post, small actions too: the plan errs high.
        requests: 1 + listingPages + Math.floor(topics.reduce((n, t) => n + t.posts.length, 0) / 50) + 1 + 1,
      }),
    ]);
    expect(count(db, 'SELECT count(*) FROM forum_topics')).toBe(N);
    expect(count(db, 'SELECT count(*) FROM forum_posts')).toBe(posts);
    expect(count(db, "SELECT count(*) FROM forum_topics WHERE category = 'Transformers Agents'")).toBe(
      topics.filter((t) => t.category_id === 21).length,
    );
    expect(count(db, 'SELECT count(*) FROM forum_topics WHERE accepted_answer_post_id IS NOT NULL')).toBe(
      topics.filter((t) => t.posts.some((p) => p.accepted_answer)).length,
    );

    // Five old topics get replies (one of them long), three new topics appear.
    const long = topics.find((t) => t.posts.length > 20)!;
    for (const [i, t] of [topics[10]!, topics[250]!, topics[450]!, topics[N - 1]!, long].entries())
      fd.reply(t.id, `Answer ${i} about LLaMA`, `2023-07-0${i + 1}T10:00:00.000Z`);
    for (let i = 0; i < 3; i++) fd.addTopic(`New topic ${i} on whisper`, 'hello', `2023-07-1${i}T10:00:00.000Z`);
    b = counts();
    const second = await mineF(db, fd.base);
    // One listing page holds the 8 changed topics and the floor; one /posts.json page the 8 new posts.
    // The replies explain each change (posts_count up by the posts swept, bumped to the last post): no topic request.
    expect(delta(b)).toEqual({ about: 0, latest: 1, latest_posts: 1, topic: 0, posts: 0, categories: 0 });
    expect(second).toMatchObject({ mode: 'incremental', newTopics: 3, changedTopics: 5, newPosts: 8, resumed: false });
    expect(count(db, 'SELECT count(*) FROM forum_topics')).toBe(N + 3);
    expect(count(db, 'SELECT count(*) FROM forum_posts')).toBe(posts + 8);
    expect(count(db, 'SELECT count(*) FROM forum_posts WHERE topic_id = ?', long.id)).toBe(
      long.posts.filter((p) => (p.post_type ?? 1) === 1).length,
    );

    b = counts();
    expect((await mineF(db, fd.base)).requests).toBe(2);
    expect(delta(b)).toMatchObject({ latest: 1, latest_posts: 1, topic: 0 });
  });

  it('--since limits a first run to topics active after the date', async () => {
    const db = fresh();
    const since = '2023-01-01T00:00:00.000Z';
    const r = await mineF(db, fd.base, { since });
    expect(r.mode).toBe('incremental');
    const expected = [...fd.topics.values()].filter((t) => t.bumped_at > since && !t.deleted);
    expect(count(db, 'SELECT count(*) FROM forum_topics')).toBe(expected.length);
    // Their older posts came topic by topic: every listed topic has its first post.
    expect(
      count(
        db,
        'SELECT count(*) FROM forum_topics t WHERE NOT EXISTS (SELECT 1 FROM forum_posts p WHERE p.topic_id = t.id AND p.post_number = 1)',
      ),
    ).toBe(0);
  });
});

describe('data/miners/forum keeps up with edits and deletions', () => {
  let fd: FakeDiscourse;
  let topics: FakeTopic[];
  afterEach(() => fd?.close());
  const text = (db: ReturnType<typeof fresh>, id: number) =>
    db.prepare('SELECT text FROM forum_posts WHERE id = ?').pluck().get(id) as string | undefined;

  it('an edit beyond the first 20 posts that bumps its topic is read again, with its new version', async () => {
    topics = generateTopics(300, 4);
    fd = await startFakeDiscourse(topics);
    const db = fresh();
    await mineF(db, fd.base);
    const long = topics.find((t) => t.posts.length > 20)!;
    const p30 = long.posts[29]!;
    fd.editPost(p30.id, 'Now I fine-tune Mistral instead', '2024-01-02T00:00:00.000Z', { bump: true });
    const before = fd.requests.length;
    const r = await mineF(db, fd.base);
    // Bumped without a new post: the topic is read whole and post 30 is stored again.
    expect(fd.requests.slice(before).filter((q) => q.startsWith('/t/'))).toEqual([
      `/t/${long.id}.json`,
      expect.stringMatching(new RegExp(`^/t/${long.id}/posts\\.json\\?post_ids\\[\\]=`)),
    ]);
    expect(r).toMatchObject({ changedTopics: 1, fetchedTopics: 1, updatedPosts: 1 });
    expect(text(db, p30.id)).toBe('Now I fine-tune Mistral instead');
    expect(db.prepare('SELECT version FROM forum_posts WHERE id = ?').pluck().get(p30.id)).toBe(2);
    // The edit marks the topic for the mention scan.
    expect(db.prepare('SELECT fetched_at FROM forum_topics WHERE id = ?').pluck().get(long.id)).toBe(
      '2026-11-22T12:00:00.000Z',
    );
    // A server that changes the text without moving version or updated_at (a ninja edit keeps the
    // version): a topic read again compares the text itself.
    const p40 = long.posts[39]!;
    fd.editPost(p40.id, 'Quietly switched to Qwen', '2024-02-01T00:00:00.000Z', { bump: true });
    Object.assign(fd.post(p40.id).post, { version: 1, updated_at: p40.created_at });
    expect((await mineF(db, fd.base)).updatedPosts).toBe(1);
    expect(text(db, p40.id)).toBe('Quietly switched to Qwen');
  });

  it('an edit that does not bump (Discourse bumps only for the last post) is found when its topic is read again, or by a full run', async () => {
    topics = generateTopics(300, 4);
    fd = await startFakeDiscourse(topics);
    const db = fresh();
    await mineF(db, fd.base);
    const long = topics.find((t) => t.posts.length > 20)!;
    const p25 = long.posts[24]!;
    const last = long.posts.filter((p) => (p.post_type ?? 1) === 1).at(-1)!;
    const old = text(db, p25.id);
    fd.editPost(p25.id, 'Edited quietly: gemma', '2024-01-02T00:00:00.000Z');
    expect((await mineF(db, fd.base)).updatedPosts).toBe(0);
    expect(text(db, p25.id)).toBe(old);
    fd.editPost(last.id, 'Edited the last post: phi', '2024-01-03T00:00:00.000Z');
    expect((await mineF(db, fd.base)).updatedPosts).toBe(2);
    expect(text(db, last.id)).toBe('Edited the last post: phi');
    // Reading the whole topic for the last post's edit found the quiet one too.
    expect(text(db, p25.id)).toBe('Edited quietly: gemma');
    const p3 = topics.find((t, i) => i > 30 && t.posts.filter((p) => (p.post_type ?? 1) === 1).length >= 2)!.posts[0]!;
    fd.editPost(p3.id, 'First post rewritten: falcon', '2024-01-04T00:00:00.000Z');
    expect((await mineF(db, fd.base)).updatedPosts).toBe(0);
    expect((await mineF(db, fd.base, { full: true })).updatedPosts).toBe(1);
    expect(text(db, p3.id)).toBe('First post rewritten: falcon');
  });

  it('a full run marks deleted, hidden and private posts and topics gone: they leave the tables and the mentions', async () => {
    topics = generateTopics(300, 4);
    fd = await startFakeDiscourse(topics);
    const db = fresh();
    await mineF(db, fd.base);
    const withReplies = topics.filter((t) => t.posts.length >= 3 && (t.posts[1]!.post_type ?? 1) === 1);
    const [a, b2, c, d] = withReplies;
    db.prepare(
      "INSERT INTO mention_matches (topic_id, model_type, matched, sentence, status) VALUES (?, 'bert', 'BERT', 'x', 'auto')",
    ).run(c!.id);
    db.prepare(
      "INSERT INTO mention_matches (topic_id, model_type, matched, sentence, status, decided_by) VALUES (?, 'opt', 'opt', 'x', 'rejected', 'u1')",
    ).run(c!.id);
    fd.deletePost(a!.posts[1]!.id);
    fd.hidePost(b2!.posts[1]!.id);
    fd.deleteTopic(c!.id);
    fd.makePrivate(d!.id);
    const topicsBefore = count(db, 'SELECT count(*) FROM forum_topics');
    const postsBefore = count(db, 'SELECT count(*) FROM forum_posts');
    const incremental = await mineF(db, fd.base);
    // Deletions do not bump: an incremental run cannot see them.
    expect(incremental).toMatchObject({ goneTopics: 0, gonePosts: 0 });
    const r = await mineF(db, fd.base, { full: true });
    expect(r).toMatchObject({ mode: 'full', goneTopics: 2, partial: false });
    const lost =
      c!.posts.filter((p) => (p.post_type ?? 1) === 1).length + d!.posts.filter((p) => (p.post_type ?? 1) === 1).length;
    expect(r.gonePosts).toBe(2 + lost);
    expect(count(db, 'SELECT count(*) FROM forum_topics')).toBe(topicsBefore - 2);
    expect(count(db, 'SELECT count(*) FROM forum_posts')).toBe(postsBefore - 2 - lost);
    expect(text(db, a!.posts[1]!.id)).toBeUndefined();
    expect(text(db, b2!.posts[1]!.id)).toBeUndefined();
    expect(db.prepare('SELECT kind, id, reason FROM forum_gone WHERE kind = ? ORDER BY id').all('topic')).toEqual([
      {
        kind: 'topic',
        id: Math.min(c!.id, d!.id),
        reason: c!.id < d!.id ? 'deleted (HTTP 404)' : 'private (HTTP 403)',
      },
      {
        kind: 'topic',
        id: Math.max(c!.id, d!.id),
        reason: c!.id < d!.id ? 'private (HTTP 403)' : 'deleted (HTTP 404)',
      },
    ]);
    // The deleted topic's automatic match went with it; a person's decision stays (it counts only with a live topic).
    expect(db.prepare('SELECT model_type, status FROM mention_matches WHERE topic_id = ?').all(c!.id)).toEqual([
      { model_type: 'opt', status: 'rejected' },
    ]);
  });

  it('a topic deleted between two listing pages shifts the pages; the slid topic is still stored', async () => {
    topics = generateTopics(200, 6);
    fd = await startFakeDiscourse(topics);
    const db = fresh();
    // After page 1 is served, a topic on page 0 is deleted: page 2's first topic slides onto page 1.
    const order = listing(fd);
    const slid = order[60]!;
    fd.after(
      (p) => p === '/latest.json?page=1',
      () => fd.deleteTopic(order[5]!.id),
    );
    const r = await mineF(db, fd.base);
    // The listing never showed it: it came from the posts sweep and a read by id.
    expect(fd.requests).toContain(`/t/${slid.id}.json`);
    expect(count(db, 'SELECT count(*) FROM forum_topics WHERE id = ?', slid.id)).toBe(1);
    expect(count(db, 'SELECT count(*) FROM forum_posts WHERE topic_id = ?', slid.id)).toBe(
      slid.posts.filter((p) => (p.post_type ?? 1) === 1).length,
    );
    // The deleted one was listed before it went; reading it by id finds it gone.
    expect(count(db, 'SELECT count(*) FROM forum_topics WHERE id = ?', order[5]!.id)).toBe(0);
    expect(count(db, 'SELECT count(*) FROM forum_topics')).toBe(199);
    expect(r.partial).toBe(false);
  });

  it('an incremental run whose listing shifts still reads the slid topic with its new posts', async () => {
    topics = generateTopics(200, 8);
    fd = await startFakeDiscourse(topics);
    const db = fresh();
    await mineF(db, fd.base);
    // 45 topics get replies (two listing pages of changes); one on page 0 is deleted after page 0 is read.
    const changed = topics.slice(20, 65);
    for (const [i, t] of changed.entries())
      fd.reply(t.id, `Reply ${i} mentions t5`, new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString());
    // Page 0 is the pinned topic and 29 of them; after one of those goes, page 1 starts one further on.
    const order = listing(fd);
    const slid = order[30]!;
    expect(changed).toContain(slid);
    fd.after(
      (p) => p === '/latest.json?page=0',
      () => fd.deleteTopic(order[3]!.id),
    );
    const r = await mineF(db, fd.base);
    expect(r.partial).toBe(false);
    // The listing never showed it after the shift; its new post in the sweep sent us to read it by id.
    expect(fd.requests).toContain(`/t/${slid.id}.json`);
    const want = slid.posts.filter((p) => (p.post_type ?? 1) === 1).length;
    expect(count(db, 'SELECT count(*) FROM forum_posts WHERE topic_id = ?', slid.id)).toBe(want);
    expect(db.prepare('SELECT bumped_at FROM forum_topics WHERE id = ?').pluck().get(slid.id)).toBe(slid.bumped_at);
  });
});
