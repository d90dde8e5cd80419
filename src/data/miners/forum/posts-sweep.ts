/**
 * The posts sweep: /posts.json lists the forum's public posts newest id first, 50 a page, and
 * `before=<id>` continues below an id (PostsController#latest, LatestPostsQuery: PAGE_SIZE 50,
 * `posts.id < before`, public regular posts of visible topics in categories the viewer may see).
 * The cursor is a post id, so deletions during the sweep shift nothing, and 50 posts a request is
 * the cheapest way to read a forum's text: a first crawl reads every post this way and a later run
 * reads only posts newer than the last run's newest id.
 *
 * A full sweep also knows, page by page, which stored posts the forum no longer shows: every stored
 * id inside a page's id range that the page does not list is gone. A post whose topic the listing
 * did not show this run (it slid between offset pages, or left the listing) marks that topic for a
 * check by id.
 */
import type { Db } from '../../db.js';
import { MalformedResponseError, parseJsonBody } from '../response.js';
import { forumListingStop } from '../failures.js';
import type { ForumRun } from './context.js';
import { LatestPosts, parseAs, readPost, type ReadPost } from './parse.js';
import { POSTS_PAGE } from './pages.js';

function marker(db: Db) {
  return {
    unlisted: db.prepare(`UPDATE forum_topics SET pending = 1, prev_posts_count = posts_count
      WHERE id = ? AND pending = 0 AND seen_run IS NOT ?`),
    exists: db.prepare('SELECT 1 FROM forum_topics WHERE id = ?').pluck(),
    skipPage: db.prepare('INSERT OR REPLACE INTO forum_skipped_posts (before, url, error, at) VALUES (?, ?, ?, ?)'),
  };
}

/** 'unavailable' when the forum has no /posts.json (then changed topics are read one by one). */
export async function sweepPosts(run: ForumRun): Promise<'done' | 'unavailable'> {
  const { o, base, cp, r } = run;
  const full = cp.run_mode === 'full';
  const floorId = full ? null : cp.max_post_id;
  const floorDate = full || floorId !== null ? null : cp.run_floor;
  const m = marker(o.db);
  for (;;) {
    const before = cp.run_before;
    const url = before === null ? `${base}/posts.json` : `${base}/posts.json?before=${before}`;
    const res = await o.http.get(url);
    if (res.status === 404 && cp.run_posts_api !== 1) return 'unavailable';
    let entries: unknown[];
    try {
      const stop = forumListingStop(res);
      if (stop) throw stop;
      entries = parseAs(LatestPosts, parseJsonBody(res), url).latest_posts;
      run.bound.ok();
    } catch (err) {
      if (!(err instanceof MalformedResponseError)) throw err;
      run.bound.fail(`posts ${err.status ?? 'malformed'}`, url, err.status ?? null, err.detail);
      if (before === null) return 'unavailable';
      // The cursor is an id: step over this page's ids and ask for them again next run.
      run.skip(url, err.message);
      run.markGap();
      run.write(() => {
        m.skipPage.run(before, url, err.message, run.at());
        cp.run_before = Math.max(0, before - POSTS_PAGE);
        run.saveCp();
      });
      continue;
    }
    // The sweep trusts the order (newest id first, all below `before`): a forum that answers
    // otherwise (ignores `before`, sorts by date) is read topic by topic instead.
    const ids = entries
      .map((e) => (e as { id?: unknown } | null)?.id)
      .filter((x): x is number => typeof x === 'number');
    if (ids.some((id, i) => (i > 0 && id >= ids[i - 1]!) || (before !== null && id >= before))) {
      o.logger.warn('/posts.json does not list posts newest id first below `before`; reading topics instead', { url });
      return 'unavailable';
    }
    cp.run_posts_api = 1;
    r.postPages++;
    const warn = (field: string, detail: string) => run.warn(url, field, detail);
    const posts: (ReadPost & { topic_id: number })[] = [];
    let minId = Number.POSITIVE_INFINITY;
    let maxId = 0;
    let reachedFloor = false;
    // Every id the page lists, usable or not: a post it lists is not gone.
    const listed = new Set<number>();
    for (const raw of entries) {
      const id = (raw as { id?: unknown } | null)?.id;
      if (typeof id === 'number' && Number.isInteger(id)) {
        listed.add(id);
        minId = Math.min(minId, id);
        maxId = Math.max(maxId, id);
      }
      const p = readPost(raw, warn);
      if (typeof p === 'string') {
        run.bad(url, p);
        continue;
      }
      if ((floorId !== null && p.id <= floorId) || (floorDate !== null && p.created_at <= floorDate)) {
        reachedFloor = true;
        continue;
      }
      if (p.topic_id === null) run.bad(url, 'topic_id: expected a topic id');
      else posts.push(p as ReadPost & { topic_id: number });
    }
    if (cp.run_max_post_id === null) cp.run_max_post_id = maxId;
    const last = entries.length < POSTS_PAGE || !Number.isFinite(minId);
    const at = run.at();
    run.write(() => {
      for (const p of posts) {
        if (m.exists.get(p.topic_id) === undefined)
          run.topics.skip(p.topic_id, `${base}/t/${p.topic_id}.json`, 'listed by /posts.json, not by /latest.json', at);
        else m.unlisted.run(p.topic_id, run.runId);
      }
      const c = run.posts.save(posts, at);
      r.newPosts += c.added;
      r.updatedPosts += c.updated;
      r.gonePosts += c.gone;
      if (full) {
        const hi = before ?? (cp.run_max_post_id ?? 0) + 1;
        const lo = last ? 0 : minId;
        r.gonePosts += run.posts.goneInRange(lo, hi, listed, at);
      }
      cp.run_before = Number.isFinite(minId) ? minId : before;
      run.saveCp();
    });
    const top = cp.run_max_post_id ?? 0;
    const bottom = floorId ?? 0;
    run.progress(top > bottom && cp.run_before !== null ? (top - cp.run_before) / (top - bottom) : null);
    if (last || reachedFloor) return 'done';
  }
}

/** Asks again for /posts.json pages an earlier run could not read. */
export async function retrySkippedPosts(run: ForumRun): Promise<void> {
  const rows = run.o.db.prepare('SELECT before, url FROM forum_skipped_posts ORDER BY before DESC').all() as {
    before: number;
    url: string;
  }[];
  for (const row of rows) {
    const res = await run.o.http.get(row.url);
    try {
      const entries = parseAs(LatestPosts, parseJsonBody(res), row.url).latest_posts;
      const posts = entries
        .map((e) => readPost(e, (f, d) => run.warn(row.url, f, d)))
        .filter((p): p is ReadPost & { topic_id: number } => typeof p !== 'string' && p.topic_id !== null);
      run.write(() => {
        const c = run.posts.save(posts, run.at());
        run.r.newPosts += c.added;
        run.o.db.prepare('DELETE FROM forum_skipped_posts WHERE before = ?').run(row.before);
      });
    } catch (err) {
      if (!(err instanceof MalformedResponseError)) throw err;
      run.skip(row.url, err.message);
    }
  }
}
