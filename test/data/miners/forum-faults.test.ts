import { afterEach, describe, expect, it } from 'vitest';
import { mineForum } from '../../../src/data/miners/forum/mine.js';
import { virtualClock } from '../../../src/data/miners/http.js';
import { MineStoppedError } from '../../../src/data/miners/failures.js';
import type { HfbotError } from '../../../src/errors.js';
import { memoryLogger } from '../../../src/logger.js';
import {
  generateTopics,
  startFakeDiscourse,
  type FakeDiscourse,
  type FakeTopic,
} from '../../helpers/fake-discourse.js';
import { count, fresh, mineF, testHttp } from '../../helpers/miners.js';

const regularPosts = (topics: FakeTopic[]) =>
  topics.reduce((n, t) => n + t.posts.filter((p) => (p.post_type ?? 1) === 1).length, 0);

describe('data/miners/forum against a faulty forum', () => {
  let fd: FakeDiscourse;
  afterEach(() => fd?.close());

  it('a forum that needs a login fails the run at once, naming the URL and the status (never "0 read")', async () => {
    fd = await startFakeDiscourse(generateTopics(50), { loginRequired: true });
    const db = fresh();
    const err = (await mineF(db, fd.base).catch((e: unknown) => e)) as MineStoppedError;
    expect(err).toBeInstanceOf(MineStoppedError);
    expect(err.message).toBe(
      `The forum refused ${fd.base}/latest.json?page=0: HTTP 403, the forum asks for a login (error_type not_logged_in). The run failed.`,
    );
    // The plan's /about.json and one listing page: bounded, not 858 requests.
    expect(fd.requests).toEqual(['/about.json', '/latest.json?page=0']);
    expect(count(db, 'SELECT count(*) FROM forum_checkpoint WHERE last_finished_at IS NOT NULL')).toBe(0);
  });

  it('a CDN challenge page (403 HTML) and a wrong URL (404) fail the run the same way', async () => {
    fd = await startFakeDiscourse(generateTopics(50), { cdnChallenge: true });
    const cdn = (await mineF(fresh(), fd.base).catch((e: unknown) => e)) as MineStoppedError;
    expect(cdn.message).toContain(
      "HTTP 403, the answer is not Discourse's JSON (text/html; a CDN challenge or a wrong URL?)",
    );
    await fd.close();
    fd = await startFakeDiscourse(generateTopics(50));
    const wrong = (await mineF(fresh(), `${fd.base}/forum`).catch((e: unknown) => e)) as MineStoppedError;
    expect(wrong.message).toMatch(
      /^The forum refused http:\/\/127\.0\.0\.1:\d+\/forum\/latest\.json\?page=0: HTTP 404/,
    );
    expect(wrong.status).toBe(404);
  });

  it('a CDN that starts challenging topic reads mid-run (403 HTML) stops the run after three in a row; a Discourse 403 on /posts.json fails it with its reason', async () => {
    fd = await startFakeDiscourse(generateTopics(100, 2), { postsApi: false });
    const html = { 'content-type': 'text/html; charset=utf-8' };
    const challenge = { kind: 'status', status: 403, headers: html, body: '<html>Just a moment...</html>' } as const;
    fd.inject({ ...challenge, times: Number.POSITIVE_INFINITY, match: (p) => p.startsWith('/t/') });
    const db = fresh();
    const err = (await mineF(db, fd.base).catch((e: unknown) => e)) as MineStoppedError;
    expect(err).toBeInstanceOf(MineStoppedError);
    expect(err.message).toMatch(
      /^3 failures of the same kind in a row, the last at http:\/\/127\.0\.0\.1:\d+\/t\/\d+\.json \(HTTP 403\); stopped\.$/,
    );
    expect(fd.requests.filter((p) => p.startsWith('/t/'))).toHaveLength(3);
    expect(count(db, 'SELECT count(*) FROM forum_checkpoint WHERE last_finished_at IS NOT NULL')).toBe(0);
    await fd.close();

    // PostsController#latest is public; a 403 there (invalid_access) is a locked-down forum, not "no posts".
    fd = await startFakeDiscourse(generateTopics(100, 2));
    const denied = '{"errors":["You are not permitted to view the requested resource."],"error_type":"invalid_access"}';
    fd.inject({
      kind: 'status',
      status: 403,
      body: denied,
      times: Number.POSITIVE_INFINITY,
      match: (p) => p.startsWith('/posts.json'),
    });
    const locked = (await mineF(fresh(), fd.base).catch((e: unknown) => e)) as MineStoppedError;
    expect(locked.message).toBe(
      `The forum refused ${fd.base}/posts.json: HTTP 403, You are not permitted to view the requested resource. The run failed.`,
    );
  });

  it('a listing page that keeps answering garbage stops the run after three in a row', async () => {
    fd = await startFakeDiscourse(generateTopics(300));
    fd.inject({
      kind: 'badjson',
      times: Number.POSITIVE_INFINITY,
      match: (p) => p.startsWith('/latest.json') && p !== '/latest.json?page=0',
    });
    const err = (await mineF(fresh(), fd.base).catch((e: unknown) => e)) as MineStoppedError;
    expect(err.message).toMatch(
      /^3 failures of the same kind in a row, the last at http:\/\/127\.0\.0\.1:\d+\/latest\.json\?page=3 \(HTTP 200: .*not JSON/,
    );
    expect(fd.count('latest')).toBe(4);
  });

  it('a skipped listing page makes the run partial and keeps the floor, so the next run lists it again', async () => {
    const topics = generateTopics(300);
    fd = await startFakeDiscourse(topics);
    fd.inject({ kind: 'badjson', match: (p) => p === '/latest.json?page=4' });
    const db = fresh();
    const r = await mineF(db, fd.base);
    expect(r.partial).toBe(true);
    expect(r.skipped).toEqual([
      { url: `${fd.base}/latest.json?page=4`, error: expect.stringContaining('not JSON') as string },
    ]);
    expect(r.newSince).toBeNull();
    // Its topics still came in through the posts sweep and a read by id.
    expect(count(db, 'SELECT count(*) FROM forum_topics')).toBe(300);
    const again = await mineF(db, fd.base);
    expect(again).toMatchObject({ mode: 'full', partial: false });
    expect(again.newSince).not.toBeNull();
  });

  it("waits out Discourse's 429 (Retry-After and extras.wait_seconds) and shows each wait", async () => {
    const clock = virtualClock(Date.parse('2026-01-01T00:00:00Z'));
    const topics = generateTopics(120);
    fd = await startFakeDiscourse(topics, { rateLimit: { max: 5, windowMs: 10_000, now: clock.now } });
    const db = fresh();
    const waits: { ms: number; kind: string }[] = [];
    const http = testHttp({ onWait: (w) => waits.push(w) }, clock);
    const r = await mineForum({ db, http, baseUrl: fd.base, logger: memoryLogger(), now: () => new Date(clock.now()) });
    expect(r.partial).toBe(false);
    expect(count(db, 'SELECT count(*) FROM forum_posts')).toBe(regularPosts(topics));
    const limited = http.stats.byStatus['429'] ?? 0;
    expect(limited).toBeGreaterThan(0);
    expect(waits.filter((w) => w.kind === 'rate-limit')).toHaveLength(limited);
    // Each wait is what the answer asked: at most the 10 s window.
    for (const w of waits) expect(w.ms).toBeLessThanOrEqual(10_000);
  });

  it('rides out 500s, cut bodies, resets and slow answers; skips a malformed topic with its URL and reads it next run', async () => {
    const topics = generateTopics(250);
    fd = await startFakeDiscourse(topics, { postsApi: false });
    const id = (i: number) => topics[i]!.id;
    fd.inject({ kind: 'status', status: 500, times: 2, match: (p) => p === `/t/${id(100)}.json` });
    fd.inject({ kind: 'truncate', match: (p) => p === `/t/${id(200)}.json` });
    fd.inject({ kind: 'reset', match: (p) => p === `/t/${id(150)}.json` });
    fd.inject({ kind: 'slow', delayMs: 500, match: (p) => p === `/t/${id(220)}.json` });
    fd.inject({ kind: 'badjson', match: (p) => p === `/t/${id(240)}.json` });
    const db = fresh();
    const r = await mineF(db, fd.base, { http: testHttp({ timeoutMs: 200 }) });
    expect(fd.pending()).toBe(0);
    expect(r).toMatchObject({ postsApi: false, partial: true, fetchedTopics: 249 });
    expect(r.skipped).toEqual([
      { url: `${fd.base}/t/${id(240)}.json`, error: expect.stringContaining(`${fd.base}/t/${id(240)}.json`) as string },
    ]);
    expect(count(db, 'SELECT topic_id FROM forum_skipped')).toBe(id(240));
    const before = fd.requests.length;
    const again = await mineF(db, fd.base);
    expect(fd.requests.slice(before)).toEqual(['/latest.json?page=0', '/posts.json', `/t/${id(240)}.json`]);
    expect(again.partial).toBe(false);
    expect(count(db, 'SELECT count(*) FROM forum_posts')).toBe(regularPosts(topics));
    expect(count(db, 'SELECT count(*) FROM forum_skipped')).toBe(0);
  });

  it('asks for as many post ids as one request allows, and learns a stricter forum cap or URL limit', async () => {
    const topics = generateTopics(120);
    const long = topics.filter((t) => t.posts.length > 20);
    expect(long).toHaveLength(2);
    fd = await startFakeDiscourse(topics, { postsApi: false, postIdsCap: 10 });
    const db = fresh();
    await mineF(db, fd.base);
    expect(count(db, 'SELECT count(*) FROM forum_posts')).toBe(regularPosts(topics));
    // First long topic: 25 ids asked, 10 answered, the 15 others asked again 10 at a time; later ones 10 at a time.
    const chunks = fd.requests
      .filter((q) => /^\/t\/\d+\/posts\.json/.test(q))
      .map((q) => new URL(q, 'http://x').searchParams.getAll('post_ids[]').length);
    expect(chunks.slice(0, 6)).toEqual([25, 10, 5, 10, 10, 5]);
    await fd.close();
    fd = await startFakeDiscourse(topics, { postsApi: false, maxTarget: 400 });
    const db2 = fresh();
    await mineF(db2, fd.base);
    expect(count(db2, 'SELECT count(*) FROM forum_posts')).toBe(regularPosts(topics));
    // 25 ids make a request line over 400 bytes: refused (414), then 20 and 5; the next topic asks 20 at once.
    expect(fd.requests.filter((q) => /^\/t\/\d+\/posts\.json/.test(q)).length).toBe(3 + 2);
  });

  it('a malformed optional field is stored empty and counted; an entry without its id is left out and makes the run partial', async () => {
    const topics = generateTopics(60);
    topics[3]!.corrupt = { views: 'many', tags: 'help' };
    topics[4]!.posts[0]!.corrupt = { version: 'two' };
    topics[5]!.corrupt = { created_at: 'yesterday' };
    fd = await startFakeDiscourse(topics);
    const db = fresh();
    const r = await mineF(db, fd.base);
    expect(r.warnings).toBe(3);
    expect(r.warningSamples).toContainEqual(
      expect.stringMatching(/\/latest\.json\?page=\d: views expected an integer, got "many"$/),
    );
    expect(db.prepare('SELECT views, tags FROM forum_topics WHERE id = ?').get(topics[3]!.id)).toEqual({
      views: null,
      tags: '[]',
    });
    expect(db.prepare('SELECT version FROM forum_posts WHERE id = ?').pluck().get(topics[4]!.posts[0]!.id)).toBeNull();
    expect(r.badEntries).toBe(1);
    expect(r.partial).toBe(true);
  });

  it('a topic read whole that says it is deleted (deleted_at, as staff see it) or unlisted is gone, not stored', async () => {
    const topics = generateTopics(40);
    topics[2]!.corrupt = { deleted_at: '2024-01-01T00:00:00.000Z' };
    topics[3]!.corrupt = { visible: false };
    fd = await startFakeDiscourse(topics, { postsApi: false });
    const db = fresh();
    const r = await mineF(db, fd.base);
    expect(r.goneTopics).toBe(2);
    expect(count(db, 'SELECT count(*) FROM forum_topics WHERE id IN (?, ?)', topics[2]!.id, topics[3]!.id)).toBe(0);
    expect(db.prepare("SELECT id, reason FROM forum_gone WHERE kind = 'topic' ORDER BY id").all()).toEqual([
      { id: topics[2]!.id, reason: 'deleted (deleted_at)' },
      { id: topics[3]!.id, reason: 'unlisted' },
    ]);
  });

  it('an interrupted run resumes in the phase and at the cursor it reached: nothing lost, nothing read twice', async () => {
    const topics = generateTopics(600);
    fd = await startFakeDiscourse(topics);
    const db = fresh();
    const cursors: string[] = [];
    fd.after(
      (p) => p === '/posts.json',
      () => undefined,
    );
    fd.inject({
      kind: 'status',
      status: 503,
      times: 3,
      match: (p) => p.startsWith('/posts.json?before=') && cursors.push(p) > 2,
    });
    const err = (await mineF(db, fd.base, { http: testHttp({ maxTries: 3 }) }).catch((e: unknown) => e)) as HfbotError;
    expect(err.code).toBe('E_NETWORK');
    expect(db.prepare('SELECT run_phase, run_mode FROM forum_checkpoint').get()).toEqual({
      run_phase: 'posts',
      run_mode: 'full',
    });
    const stoppedAt = db.prepare('SELECT run_before FROM forum_checkpoint').pluck().get() as number;
    const before = fd.requests.length;
    const r = await mineF(db, fd.base);
    expect(r).toMatchObject({ resumed: true, pages: 0, partial: false });
    expect(fd.requests[before]).toBe(`/posts.json?before=${stoppedAt}`);
    expect(fd.requests.slice(before).filter((q) => q.startsWith('/latest.json'))).toEqual([]);
    expect(count(db, 'SELECT count(*) FROM forum_topics')).toBe(600);
    expect(count(db, 'SELECT count(*) FROM forum_posts')).toBe(regularPosts(topics));
    expect(db.prepare('SELECT run_phase FROM forum_checkpoint').pluck().get()).toBeNull();
  });
});
