/** Reads of the mined forum (forum_topics) for /forum and the over-time challenge shares. */
import { createHash } from 'node:crypto';
import type { Db } from '../db.js';

export interface CategoryMonthCount {
  /** Discourse category name as mined; null when the topic had none. */
  category: string | null;
  month: string;
  topics: number;
}

export interface ForumOverview {
  topics: number;
  firstMonth: string | null;
  lastMonth: string | null;
  /** When the last complete mining run finished (ISO), if any did. */
  lastRun: string | null;
  /** Content-derived, like the series versions: the same topics per category and month, the same id. */
  version: string | null;
}

/**
 * Topics per (category, month) and what the mined forum covers, memoised per database on a key
 * that changes whenever a miner writes (topic count, newest creation and fetch, last finished
 * run): the GROUP BY scans every topic, and the forum only changes when it is mined.
 */
export function forumSnapshot(db: Db): { rows: CategoryMonthCount[]; overview: ForumOverview } {
  const k = db
    .prepare(
      `SELECT count(*) AS n, max(created_at) AS c, max(fetched_at) AS f,
        (SELECT max(last_finished_at) FROM forum_checkpoint) AS r FROM forum_topics`,
    )
    .get() as { n: number; c: string | null; f: string | null; r: string | null };
  const key = JSON.stringify(k);
  const hit = memo.get(db);
  if (hit?.key === key) return hit.value;
  // Sorted here, not in SQL: a few thousand groups sort faster than an ORDER BY over the scan.
  const rows = (
    db
      .prepare(
        'SELECT category, substr(created_at, 1, 7) AS month, count(*) AS topics FROM forum_topics GROUP BY category, month',
      )
      .all() as CategoryMonthCount[]
  ).sort((a, b) => a.month.localeCompare(b.month) || (a.category ?? '').localeCompare(b.category ?? ''));
  const value = { rows, overview: overviewOf(rows, k.r) };
  memo.set(db, { key, value });
  return value;
}

const memo = new WeakMap<Db, { key: string; value: ReturnType<typeof forumSnapshot> }>();

function overviewOf(rows: readonly CategoryMonthCount[], lastRun: string | null): ForumOverview {
  const topics = rows.reduce((s, r) => s + r.topics, 0);
  if (!topics) return { topics: 0, firstMonth: null, lastMonth: null, lastRun, version: null };
  const h = createHash('sha256');
  for (const r of rows) h.update(JSON.stringify([r.category, r.month, r.topics]));
  const day = (lastRun ?? rows.at(-1)!.month).slice(0, 10);
  return {
    topics,
    firstMonth: rows[0]!.month,
    lastMonth: rows.at(-1)!.month,
    lastRun,
    version: `mined-forum-${day}-${h.digest('hex').slice(0, 8)}`,
  };
}

export interface DatedTopicCategory {
  topicId: number;
  code: string;
  createdAt: string;
  /** Every source that gave this pair, comma-separated ('root-causes', 'round:3'). */
  sources: string;
}

/**
 * Coded topics (topic_categories: Root_Causes.csv and coding rounds) whose creation date the
 * mined forum knows, one row per (topic, category) of one kind; a pair counts once across sources.
 */
export function datedTopicCategories(db: Db, kind: 'challenge' | 'benefit'): DatedTopicCategory[] {
  return db
    .prepare(
      `SELECT tc.topic_id AS topicId, tc.code, ft.created_at AS createdAt, group_concat(DISTINCT tc.source) AS sources
       FROM topic_categories tc JOIN taxonomy t ON t.code = tc.code JOIN forum_topics ft ON ft.id = tc.topic_id
       WHERE t.kind = ? GROUP BY tc.topic_id, tc.code ORDER BY tc.topic_id, tc.code`,
    )
    .all(kind) as DatedTopicCategory[];
}

/** How many coded topics of one kind there are, dated or not (to say how many the forum could date). */
export function codedTopicCount(db: Db, kind: 'challenge' | 'benefit'): number {
  return db
    .prepare(
      'SELECT count(DISTINCT tc.topic_id) FROM topic_categories tc JOIN taxonomy t ON t.code = tc.code WHERE t.kind = ?',
    )
    .pluck()
    .get(kind) as number;
}
