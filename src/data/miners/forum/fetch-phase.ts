/**
 * After the listing (and the posts sweep), reads the topics that still need it: topics a previous
 * run could not read, topics the sweep met but the listing did not show, and changed topics whose
 * change the swept posts do not explain. "No request for a topic whose bumped_at and posts_count
 * did not change": unchanged topics are never pending.
 *
 * What explains a change: Discourse bumps a topic to the new post's time on a reply
 * (bumped_at = last_posted_at) and counts it in posts_count; an edit bumps only when it is the last
 * post's (PostRevisor#bump_topic, is_last_post?), leaving posts_count alone; a deletion lowers
 * posts_count without a bump (Topic.reset_highest). So a topic whose posts_count grew by exactly
 * the new posts swept, and whose bump is the last post's time, needs nothing more; any other change
 * is read whole, comparing each post's version with what is stored.
 */
import type { Db } from '../../db.js';
import type { ForumRun } from './context.js';
import { fetchTopic } from './topic-fetch.js';

interface Row {
  posts_count: number | null;
  prev_posts_count: number | null;
  bumped_at: string | null;
  last_posted_at: string | null;
  seen_run: string | null;
}

function queries(db: Db) {
  return {
    row: db.prepare(
      'SELECT posts_count, prev_posts_count, bumped_at, last_posted_at, seen_run FROM forum_topics WHERE id = ?',
    ),
    hasFirst: db.prepare('SELECT 1 FROM forum_posts WHERE topic_id = ? AND post_number = 1').pluck(),
    newPosts: db.prepare('SELECT count(*) FROM forum_posts WHERE topic_id = ? AND id > ?').pluck(),
  };
}

export type Need = 'none' | 'missing' | 'all';

/** What a pending topic needs, given what the run has stored so far. */
export function need(run: ForumRun, q: ReturnType<typeof queries>, id: number, swept: boolean): Need {
  const row = q.row.get(id) as Row | undefined;
  if (!row) return 'all';
  const grewBy =
    row.prev_posts_count === null || row.posts_count === null ? null : row.posts_count - row.prev_posts_count;
  const bumpedByReply = !row.bumped_at || !row.last_posted_at || row.bumped_at === row.last_posted_at;
  if (!swept)
    return row.prev_posts_count !== null && grewBy !== null && grewBy > 0 && bumpedByReply ? 'missing' : 'all';
  if (q.hasFirst.get(id) === undefined) return 'all';
  if (run.cp.run_mode === 'full') return row.seen_run === run.runId ? 'none' : 'all';
  if (row.prev_posts_count === null) return row.seen_run === run.runId ? 'none' : 'all';
  const added = q.newPosts.get(id, run.cp.max_post_id ?? 0) as number;
  return added > 0 && grewBy === added && bumpedByReply ? 'none' : 'all';
}

/** `swept` says whether this run's /posts.json sweep brought the new posts. */
export async function fetchPending(run: ForumRun, swept: boolean): Promise<void> {
  const q = queries(run.o.db);
  const ids = [...new Set([...run.topics.skippedIds(), ...run.topics.pendingIds()])];
  let done = 0;
  for (const id of ids) {
    const what = need(run, q, id, swept);
    if (what === 'none') run.write(() => run.topics.settle(id));
    else if ((await fetchTopic(run, id, what)) === 'skipped') run.write(() => run.topics.unpend(id));
    done++;
    if (done % 20 === 0 || done === ids.length) run.progress(done / ids.length);
  }
}

/** A full run's last step: topics stored before but not listed now are checked by id (gone or kept). */
export async function checkUnseen(run: ForumRun): Promise<void> {
  const ids = run.o.db
    .prepare('SELECT id FROM forum_topics WHERE seen_run IS NOT ? ORDER BY id')
    .pluck()
    .all(run.runId) as number[];
  let done = 0;
  for (const id of ids) {
    await fetchTopic(run, id, 'all');
    done++;
    if (done % 20 === 0 || done === ids.length) run.progress(done / ids.length);
  }
}
