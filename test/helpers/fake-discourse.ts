/**
 * A fake Discourse forum on 127.0.0.1, written from Discourse's source (discourse/discourse) and its
 * API docs, as strict and as faulty as the real one:
 *
 * - GET /latest.json?page=N: 30 topics a page (TopicQuery::DEFAULT_PER_PAGE_COUNT), newest bump
 *   first, pinned topics on page 0 only and later pages offset by them (prioritize_pinned_topics),
 *   so deleting a topic shifts every later page; `more_topics_url` only on a full page; a page that
 *   is not a non-negative integer is a 400 (TopicQuery.validators). Deleted and private topics are
 *   not listed.
 * - GET /t/<id>.json: the first 20 visible posts (TopicView::CHUNK_SIZE) and `post_stream.stream`,
 *   every visible post id (deleted ones leave it, hidden ones stay with their text withheld:
 *   BasicPostSerializer#cooked_hidden). Deleted: 404; private: 403 error_type invalid_access.
 * - GET /t/<id>/posts.json?post_ids[]=...: those posts of the topic, no cap on how many
 *   (TopicsController#posts); a request target over 8 KB is refused 414, as nginx does.
 * - GET /posts.json[?before=ID]: 50 public regular posts of listed topics, newest id first, ids
 *   below `before` (PostsController#latest, LatestPostsQuery), under `latest_posts`.
 * - GET /about.json (Stats: topic and post counts), /categories.json.
 * - An edit moves the post's version and updated_at and bumps the topic only when it is the last
 *   post (PostRevisor#bump_topic); a deletion lowers posts_count without a bump.
 * - Faults: a login-only forum (403 not_logged_in on everything), a CDN challenge (403 HTML),
 *   rate limiting (429 with Retry-After and `extras.wait_seconds`), malformed optional fields,
 *   and the generic ones of faulty-server.ts.
 */
import { pathToFileURL } from 'node:url';
import { fixedWindow, startFaultyServer, type FaultyServer, type Routed } from './faulty-server.js';
import {
  FAKE_CATEGORIES,
  generateTopics,
  postJson,
  topicJson,
  visiblePosts,
  type FakePost,
  type FakeTopic,
} from './fake-discourse-data.js';

export { startFaultyServer, type FaultyServer, type Fault, type FaultKind } from './faulty-server.js';
export { FAKE_CATEGORIES, generateTopics, lcg, type FakePost, type FakeTopic } from './fake-discourse-data.js';

export interface FakeDiscourseOptions {
  perPage?: number;
  /** Every request answers 403 not_logged_in (a forum that needs a login). */
  loginRequired?: boolean;
  /** Every request answers 403 with an HTML page (a CDN challenge). */
  cdnChallenge?: boolean;
  /** false: /posts.json is 404 (an older or locked-down forum). */
  postsApi?: boolean;
  /** Answer at most this many of the post_ids asked for (a stricter forum than the source says). */
  postIdsCap?: number;
  /** Longest request target accepted (nginx: 8 KB with large_client_header_buffers 4 8k). */
  maxTarget?: number;
  rateLimit?: { max: number; windowMs: number; now?: () => number };
}

export interface FakeDiscourse extends FaultyServer {
  topics: Map<number, FakeTopic>;
  reply(topicId: number, text: string, at: string): FakePost;
  addTopic(title: string, text: string, at: string): FakeTopic;
  /** As PostRevisor: bumps only the last post's topic; `bump` forces it (the "topic bumped by such an edit"). */
  editPost(postId: number, text: string, at: string, opts?: { bump?: boolean }): void;
  deletePost(postId: number): void;
  hidePost(postId: number): void;
  deleteTopic(topicId: number): void;
  makePrivate(topicId: number): void;
  post(postId: number): { topic: FakeTopic; post: FakePost };
  count(kind: 'latest' | 'topic' | 'posts' | 'latest_posts' | 'categories' | 'about'): number;
  /** Rebuilds the listing order now (the benchmark keeps this out of the miner's time). */
  warm(): void;
}

const json = (status: number, body: unknown, headers?: Record<string, string>): Routed => ({
  status,
  body: JSON.stringify(body),
  headers,
});
const NOT_FOUND = json(404, { errors: ['The requested URL or resource could not be found.'], error_type: 'not_found' });
const PRIVATE = json(403, {
  errors: ['You are not permitted to view the requested resource.'],
  error_type: 'invalid_access',
});
const LOGIN = json(403, { errors: ['You need to be logged in to do that.'], error_type: 'not_logged_in' });
const CDN: Routed = {
  status: 403,
  body: '<!DOCTYPE html><title>Just a moment...</title>',
  headers: { 'content-type': 'text/html' },
};

export async function startFakeDiscourse(
  topicList: FakeTopic[],
  opts: FakeDiscourseOptions = {},
): Promise<FakeDiscourse> {
  const perPage = opts.perPage ?? 30;
  const topics = new Map(topicList.map((t) => [t.id, t]));
  let nextPost = 1000;
  let nextTopic = 100;
  for (const t of topicList) {
    nextTopic = Math.max(nextTopic, t.id + 1);
    for (const p of t.posts) nextPost = Math.max(nextPost, p.id + 1);
  }
  let dirty = true;
  let listed: FakeTopic[] = [];
  let pinned: FakeTopic[] = [];
  let rest: FakeTopic[] = [];
  let publicPosts: { t: FakeTopic; p: FakePost }[] = [];
  const byId = new Map<number, { topic: FakeTopic; post: FakePost }>();
  const index = () => {
    if (!dirty) return;
    listed = [...topics.values()]
      .filter((t) => !t.deleted && !t.private)
      .sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.bumped_at.localeCompare(a.bumped_at) || b.id - a.id);
    pinned = listed.filter((t) => t.pinned);
    rest = listed.filter((t) => !t.pinned);
    publicPosts = listed
      .flatMap((t) => t.posts.filter((p) => !p.deleted && !p.hidden && (p.post_type ?? 1) === 1).map((p) => ({ t, p })))
      .sort((a, b) => b.p.id - a.p.id);
    byId.clear();
    for (const t of topics.values()) for (const p of t.posts) byId.set(p.id, { topic: t, post: p });
    dirty = false;
  };
  const limiter = opts.rateLimit ? fixedWindow(opts.rateLimit.max, opts.rateLimit.windowMs, opts.rateLimit.now) : null;

  const route = (url: URL, targetLength: number): Routed => {
    if (opts.cdnChallenge) return CDN;
    if (opts.loginRequired) return LOGIN;
    if (targetLength > (opts.maxTarget ?? 8192))
      return { status: 414, body: '<html>414 Request-URI Too Large</html>', headers: { 'content-type': 'text/html' } };
    if (limiter) {
      const slot = limiter.take();
      if (!slot.allowed) {
        // ApplicationController's RateLimiter::LimitExceeded handler.
        const wait = Math.ceil(slot.resetMs / 1000);
        return json(
          429,
          {
            errors: [`You’ve performed this action too many times. Please wait ${wait} seconds before trying again.`],
            error_type: 'rate_limit',
            extras: { wait_seconds: wait, time_left: `${wait} seconds` },
          },
          { 'retry-after': String(wait), 'discourse-rate-limit-error-code': 'ip_10_secs_limit' },
        );
      }
    }
    index();
    const p = url.pathname;
    if (p === '/latest.json') {
      const raw = url.searchParams.get('page') ?? '0';
      if (!/^\d+$/.test(raw))
        return json(400, { errors: ['Invalid parameters: page'], error_type: 'invalid_parameters' });
      const page = Number(raw);
      const slice =
        page === 0
          ? [...pinned, ...rest].slice(0, perPage)
          : rest.slice(page * perPage - pinned.length, (page + 1) * perPage - pinned.length);
      return json(200, {
        users: [],
        topic_list: {
          can_create_topic: false,
          per_page: perPage,
          topics: slice.map(topicJson),
          ...(slice.length === perPage ? { more_topics_url: `/latest?page=${page + 1}` } : {}),
        },
      });
    }
    if (p === '/posts.json') {
      if (opts.postsApi === false) return NOT_FOUND;
      const before = Number(url.searchParams.get('before') ?? 0);
      // publicPosts is newest id first: the first index whose id is below `before`.
      let lo = 0;
      let hi = publicPosts.length;
      while (before > 0 && lo < hi) {
        const mid = (lo + hi) >> 1;
        if (publicPosts[mid]!.p.id < before) hi = mid;
        else lo = mid + 1;
      }
      const page = publicPosts.slice(lo, lo + 50);
      return json(200, {
        latest_posts: page.map(({ t, p }) =>
          postJson(t, p, {
            topic_title: t.title,
            topic_html_title: t.title,
            category_id: t.category_id,
            raw: p.cooked,
          }),
        ),
      });
    }
    if (p === '/about.json') {
      const posts = [...topics.values()].reduce((n, t) => n + t.posts.length, 0);
      return json(200, { about: { title: 'Fake forum', stats: { topics_count: listed.length, posts_count: posts } } });
    }
    if (p === '/categories.json')
      return json(200, {
        category_list: {
          categories: FAKE_CATEGORIES.map((c) => ({ id: c.id, name: c.name, slug: c.slug, subcategory_list: c.subs })),
        },
      });
    const mt = /^\/t\/(\d+)\.json$/.exec(p);
    const mp = /^\/t\/(\d+)\/posts\.json$/.exec(p);
    const t = topics.get(Number((mt ?? mp)?.[1]));
    if (!t || t.deleted) return NOT_FOUND;
    if (t.private) return PRIVATE;
    const visible = visiblePosts(t);
    if (mt)
      return json(200, {
        deleted_at: null,
        ...topicJson(t),
        chunk_size: 20,
        ...(visible.some((x) => x.accepted_answer)
          ? { accepted_answer: { post_number: visible.find((x) => x.accepted_answer)!.post_number } }
          : {}),
        post_stream: { posts: visible.slice(0, 20).map((x) => postJson(t, x)), stream: visible.map((x) => x.id) },
      });
    const ids = new Set(url.searchParams.getAll('post_ids[]').map(Number));
    const found = visible.filter((x) => ids.has(x.id)).slice(0, opts.postIdsCap ?? Number.POSITIVE_INFINITY);
    return json(200, { post_stream: { posts: found.map((x) => postJson(t, x)) }, id: t.id });
  };

  const srv = await startFaultyServer((url, req) => route(url, req.targetLength));
  const post = (id: number) => {
    index();
    const found = byId.get(id);
    if (!found) throw new Error(`no post ${id}`);
    return found;
  };
  const change = <T>(fn: () => T): T => {
    const out = fn();
    dirty = true;
    return out;
  };
  const kinds = {
    latest: /^\/latest\.json/,
    topic: /^\/t\/\d+\.json/,
    posts: /^\/t\/\d+\/posts\.json/,
    latest_posts: /^\/posts\.json/,
    categories: /^\/categories\.json/,
    about: /^\/about\.json/,
  };
  return {
    ...srv,
    topics,
    post,
    reply: (topicId, text, at) =>
      change(() => {
        const t = topics.get(topicId)!;
        const p: FakePost = {
          id: nextPost++,
          post_number: t.posts.length + 1,
          username: 'replier',
          created_at: at,
          updated_at: at,
          version: 1,
          cooked: `<p>${text}</p>`,
        };
        t.posts.push(p);
        t.bumped_at = at;
        return p;
      }),
    addTopic: (title, text, at) =>
      change(() => {
        const t: FakeTopic = {
          id: nextTopic++,
          title,
          category_id: 5,
          created_at: at,
          bumped_at: at,
          views: 1,
          tags: [],
          pinned: false,
          posts: [
            {
              id: nextPost++,
              post_number: 1,
              username: 'asker',
              created_at: at,
              updated_at: at,
              version: 1,
              cooked: `<p>${text}</p>`,
            },
          ],
        };
        topics.set(t.id, t);
        return t;
      }),
    editPost: (postId, text, at, o = {}) =>
      change(() => {
        const { topic, post: p } = post(postId);
        p.cooked = `<p>${text}</p>`;
        p.version = (p.version ?? 1) + 1;
        p.updated_at = at;
        const last = visiblePosts(topic)
          .filter((x) => (x.post_type ?? 1) === 1)
          .at(-1);
        if (last?.id === postId || o.bump) topic.bumped_at = at;
      }),
    deletePost: (postId) => change(() => Object.assign(post(postId).post, { deleted: true })),
    hidePost: (postId) => change(() => Object.assign(post(postId).post, { hidden: true })),
    deleteTopic: (topicId) => change(() => Object.assign(topics.get(topicId)!, { deleted: true })),
    makePrivate: (topicId) => change(() => Object.assign(topics.get(topicId)!, { private: true })),
    count: (kind) => srv.requests.filter((r) => kinds[kind].test(r)).length,
    warm: index,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // For the benchmark: `node --import tsx test/helpers/fake-discourse.ts TOPICS POSTS_PER_TOPIC` serves a
  // generated forum in its own process and prints its base URL; a line "reply N" on stdin adds N replies.
  const n = Number(process.argv[2] ?? 150_000);
  const fd = await startFakeDiscourse(generateTopics(n, 11, Number(process.argv[3] ?? 10)));
  fd.warm();
  process.stdout.write(`${fd.base}\n`);
  process.stdin.on('data', (d: Buffer) => {
    const m = /reply (\d+)/.exec(d.toString());
    if (!m) return;
    const ids = [...fd.topics.keys()];
    for (let i = 0; i < Number(m[1]); i++)
      fd.reply(
        ids[(i * 7919) % ids.length]!,
        `Follow-up ${i} on llama`,
        new Date(Date.UTC(2023, 6, 1, 0, 0, i)).toISOString(),
      );
    fd.warm();
    process.stdout.write('ok\n');
  });
  process.on('SIGTERM', () => void fd.close().then(() => process.exit(0)));
}
