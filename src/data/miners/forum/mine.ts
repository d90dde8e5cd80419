/**
 * Incremental Discourse miner after GrimoireLab Perceval: page /latest.json (newest activity
 * first), fetch /t/<id>.json only for new or changed topics, and /t/<id>/posts.json for the
 * posts beyond the first chunk that are not stored yet. Stops at the last run's checkpoint;
 * the page reached is saved after each page, so an interrupted run resumes there.
 */
import type { Db } from '../../db.js';
import type { Logger } from '../../../logger.js';
import { MalformedResponseError, type PoliteHttp } from '../http.js';
import type { ProgressSink } from '../progress.js';
import { timeFraction } from '../progress.js';
import {
  Categories,
  LatestPage,
  PostsChunk,
  Topic,
  activityOf,
  parseAs,
  type LatestTopic,
  type Post,
} from './parse.js';
import { forumStore, type ForumStore } from './store.js';

export interface ForumMineOptions {
  db: Db;
  http: PoliteHttp;
  baseUrl: string;
  /** Floor for this run (ISO date); default: the last complete run's checkpoint. */
  since?: string;
  logger: Logger;
  now: () => Date;
  /** Safety bound on pages per run. */
  maxPages?: number;
  onProgress?: ProgressSink;
}

export interface ForumMineResult {
  resumed: boolean;
  pages: number;
  topicsListed: number;
  newTopics: number;
  changedTopics: number;
  postChunks: number;
  skipped: { url: string; error: string }[];
  requests: number;
  since: string | null;
  newSince: string | null;
}

/** Where the HF forum began; the first run's progress is measured against it. */
const FORUM_START = '2020-06-01T00:00:00Z';

export async function mineForum(o: ForumMineOptions): Promise<ForumMineResult> {
  const base = o.baseUrl.replace(/\/+$/, '');
  const store = forumStore(o.db);
  const requestsBefore = o.http.stats.requests;
  const cp = store.checkpoint(base);
  const resumed = cp?.run_page != null;
  const run = {
    base_url: base,
    since: cp?.since ?? null,
    run_started_at: resumed ? cp!.run_started_at : o.now().toISOString(),
    run_floor: resumed ? cp!.run_floor : (o.since ?? cp?.since ?? null),
    run_target: resumed ? cp!.run_target : null,
    run_page: resumed ? cp!.run_page! : 0,
    last_finished_at: cp?.last_finished_at ?? null,
  };
  if (resumed) o.logger.info('resuming an interrupted forum run', { page: run.run_page, floor: run.run_floor });
  const r: ForumMineResult = {
    resumed,
    pages: 0,
    topicsListed: 0,
    newTopics: 0,
    changedTopics: 0,
    postChunks: 0,
    skipped: [],
    requests: 0,
    since: run.since,
    newSince: null,
  };
  const ctx = { o, base, store, r, categoriesFetched: false };

  for (const id of store.skippedIds()) await fetchTopic(ctx, id, null);

  let pageSkipped = false;
  const maxPages = o.maxPages ?? 100_000;
  for (let page = run.run_page; page < maxPages; page++) {
    const url = `${base}/latest.json?page=${page}`;
    let topics: LatestTopic[];
    let more: boolean;
    try {
      const { json } = await o.http.getJson(url);
      const parsed = parseAs(LatestPage, json, url);
      topics = parsed.topic_list.topics;
      more = Boolean(parsed.topic_list.more_topics_url);
    } catch (err) {
      if (!(err instanceof MalformedResponseError)) throw err;
      // Its topics are unknown: keep the old checkpoint so the next run pages over them again.
      pageSkipped = true;
      report(ctx, url, err);
      topics = [];
      more = true;
    }
    r.pages++;
    r.topicsListed += topics.length;
    let reachedFloor = false;
    let oldest: string | null = null;
    for (const t of topics) {
      const activity = activityOf(t);
      // Pinned topics sit on top whatever their age, so they neither set nor end the range.
      if (!t.pinned) {
        if (run.run_target === null || activity > run.run_target) run.run_target = activity;
        oldest = activity;
      }
      if (run.run_floor !== null && activity <= run.run_floor) {
        if (!t.pinned) reachedFloor = true;
        continue;
      }
      const stored = store.stored(t.id);
      if (stored && stored.bumped_at === activity && stored.posts_count === t.posts_count) {
        if (stored.views !== (t.views ?? null) || stored.reply_count !== (t.reply_count ?? null))
          store.updateCounts(t.id, t.views ?? null, t.reply_count ?? null);
        continue;
      }
      if (await fetchTopic(ctx, t.id, activity)) r[stored ? 'changedTopics' : 'newTopics']++;
    }
    const done = reachedFloor || (topics.length === 0 && !pageSkipped) || !more;
    store.putCheckpoint({ ...run, run_page: done ? null : page + 1 });
    o.onProgress?.({
      source: 'forum',
      done: r.pages,
      fraction: done ? 1 : timeFraction(run.run_target, run.run_floor ?? FORUM_START, oldest),
      counts: {
        pages: r.pages,
        new: r.newTopics,
        changed: r.changedTopics,
        skipped: r.skipped.length,
        requests: o.http.stats.requests - requestsBefore,
      },
    });
    if (done) break;
  }
  const newSince = pageSkipped
    ? run.since
    : ([run.since, run.run_target]
        .filter((x): x is string => x !== null)
        .sort()
        .at(-1) ?? null);
  store.putCheckpoint({
    ...run,
    since: newSince,
    run_target: null,
    run_floor: null,
    run_page: null,
    run_started_at: null,
    last_finished_at: o.now().toISOString(),
  });
  r.newSince = newSince;
  r.requests = o.http.stats.requests - requestsBefore;
  o.logger.info('forum mined', { ...r, skipped: r.skipped.length });
  return r;
}

type Ctx = { o: ForumMineOptions; base: string; store: ForumStore; r: ForumMineResult; categoriesFetched: boolean };

function report(ctx: Ctx, url: string, err: MalformedResponseError): void {
  ctx.r.skipped.push({ url, error: err.message });
  ctx.o.logger.warn('skipped a response', { url, error: err.message });
}

/** Fetches and stores one topic; false when it was skipped (and queued for the next run). */
async function fetchTopic(ctx: Ctx, id: number, activity: string | null): Promise<boolean> {
  const { o, base, store } = ctx;
  const url = `${base}/t/${id}.json`;
  try {
    const res = await o.http.get(url);
    if (res.status === 404 || res.status === 403 || res.status === 410) {
      // Deleted or made private since it was listed: nothing to store, nothing to retry.
      store.unskip(id);
      o.logger.info('topic gone', { url, status: res.status });
      return false;
    }
    const topic = parseAs(Topic, parseBody(res), url);
    const posts: Post[] = [...topic.post_stream.posts];
    // As Perceval does: the first chunk holds the first stream entries; the rest is asked for,
    // minus posts already stored (a changed topic usually needs only its new replies).
    const stored = store.storedPostIds(id);
    const missing = topic.post_stream.stream.slice(posts.length).filter((p) => !stored.has(p));
    const chunk = topic.chunk_size ?? 20;
    for (let i = 0; i < missing.length; i += chunk) {
      const ids = missing.slice(i, i + chunk);
      const chunkUrl = `${base}/t/${id}/posts.json?${ids.map((p) => `post_ids[]=${p}`).join('&')}`;
      const { json } = await o.http.getJson(chunkUrl);
      posts.push(...parseAs(PostsChunk, json, chunkUrl).post_stream.posts);
      ctx.r.postChunks++;
    }
    store.saveTopic(topic, posts, await categoryName(ctx, topic.category_id ?? null), o.now().toISOString(), activity);
    return true;
  } catch (err) {
    if (!(err instanceof MalformedResponseError)) throw err;
    store.skip(id, url, err.message, o.now().toISOString());
    report(ctx, err.url, err);
    return false;
  }
}

function parseBody(res: { url: string; status: number; body: string }): unknown {
  if (res.status !== 200) throw new MalformedResponseError(res.url, `HTTP ${res.status}`);
  try {
    return JSON.parse(res.body) as unknown;
  } catch (err) {
    throw new MalformedResponseError(res.url, `not JSON (${(err as Error).message}; ${res.body.length} bytes)`);
  }
}

/** Category names come from /categories.json, fetched at most once a run and only for an unknown id. */
async function categoryName(ctx: Ctx, id: number | null): Promise<string | null> {
  if (id === null) return null;
  const known = ctx.store.categoryName(id);
  if (known !== undefined || ctx.categoriesFetched) return known ?? null;
  ctx.categoriesFetched = true;
  const url = `${ctx.base}/categories.json?include_subcategories=true`;
  try {
    const { json } = await ctx.o.http.getJson(url);
    const rows: { id: number; name: string; slug: string | null; parentId: number | null }[] = [];
    const walk = (list: unknown[], parentId: number | null) => {
      for (const c of parseAs(Categories, { category_list: { categories: list } }, url).category_list.categories) {
        rows.push({ id: c.id, name: c.name, slug: c.slug ?? null, parentId });
        if (c.subcategory_list?.length) walk(c.subcategory_list, c.id);
      }
    };
    walk(parseAs(Categories, json, url).category_list.categories, null);
    ctx.store.putCategories(rows);
  } catch (err) {
    if (!(err instanceof MalformedResponseError)) throw err;
    report(ctx, url, err);
  }
  return ctx.store.categoryName(id) ?? null;
}
