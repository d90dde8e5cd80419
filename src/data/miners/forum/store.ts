/** SQLite side of the forum miner: the checkpoint and topics as the listing shows them. */
import type { Db } from '../../db.js';
import type { ListedTopic } from './parse.js';

export interface ForumCheckpoint {
  base_url: string;
  since: string | null;
  run_target: string | null;
  run_floor: string | null;
  run_page: number | null;
  run_started_at: string | null;
  last_finished_at: string | null;
  max_post_id: number | null;
  run_mode: 'full' | 'incremental' | null;
  run_phase: 'listing' | 'posts' | 'fetch' | 'check' | null;
  run_before: number | null;
  run_max_post_id: number | null;
  run_posts_api: number | null;
  run_partial: string | null;
}

const CP_COLS = [
  'since',
  'run_target',
  'run_floor',
  'run_page',
  'run_started_at',
  'last_finished_at',
  'max_post_id',
  'run_mode',
  'run_phase',
  'run_before',
  'run_max_post_id',
  'run_posts_api',
  'run_partial',
];

/** What listing one topic did: new here, changed since it was stored, or the same. */
export type Listed = 'new' | 'changed' | 'same';

export function topicStore(db: Db) {
  const s = {
    checkpoint: db.prepare('SELECT * FROM forum_checkpoint WHERE base_url = ?'),
    putCheckpoint: db.prepare(`INSERT INTO forum_checkpoint (base_url, ${CP_COLS.join(', ')})
      VALUES (@base_url, ${CP_COLS.map((c) => `@${c}`).join(', ')})
      ON CONFLICT(base_url) DO UPDATE SET ${CP_COLS.map((c) => `${c} = excluded.${c}`).join(', ')}`),
    stored: db.prepare(
      'SELECT title, category_id, bumped_at, posts_count, pending, prev_posts_count FROM forum_topics WHERE id = ?',
    ),
    insert:
      db.prepare(`INSERT INTO forum_topics (id, title, category, category_id, created_at, last_posted_at, bumped_at,
      tags, views, reply_count, posts_count, fetched_at, seen_run, prev_posts_count, pending)
      VALUES (@id, @title, @category, @category_id, @created_at, @last_posted_at, @bumped_at, @tags, @views, @reply_count,
      @posts_count, @fetched_at, @seen_run, NULL, 1)`),
    change: db.prepare(`UPDATE forum_topics SET title = @title, category = @category, category_id = @category_id,
      created_at = @created_at, last_posted_at = @last_posted_at, bumped_at = @bumped_at, tags = @tags, views = @views,
      reply_count = @reply_count, posts_count = @posts_count, seen_run = @seen_run, pending = 1,
      prev_posts_count = CASE WHEN pending = 0 THEN @prev ELSE prev_posts_count END,
      fetched_at = CASE WHEN title <> @title THEN @fetched_at ELSE fetched_at END WHERE id = @id`),
    same: db.prepare('UPDATE forum_topics SET views = ?, reply_count = ?, seen_run = ? WHERE id = ?'),
    unGone: db.prepare("DELETE FROM forum_gone WHERE kind = 'topic' AND id = ?"),
    categoryName: db.prepare('SELECT name FROM forum_category_names WHERE id = ?').pluck(),
    putCategory: db.prepare(
      'INSERT OR REPLACE INTO forum_category_names (id, name, slug, parent_id) VALUES (?, ?, ?, ?)',
    ),
    exists: db.prepare('SELECT 1 FROM forum_topics WHERE id = ?').pluck(),
    fetched:
      db.prepare(`INSERT INTO forum_topics (id, title, category, category_id, created_at, last_posted_at, bumped_at,
      tags, views, reply_count, posts_count, fetched_at, seen_run, prev_posts_count, pending)
      VALUES (@id, @title, @category, @category_id, @created_at, @last_posted_at, @bumped_at, @tags, @views, @reply_count,
      @posts_count, @fetched_at, @seen_run, NULL, 0)
      ON CONFLICT(id) DO UPDATE SET title = excluded.title, category = excluded.category, category_id = excluded.category_id,
      created_at = excluded.created_at, last_posted_at = excluded.last_posted_at, bumped_at = excluded.bumped_at,
      tags = excluded.tags, views = excluded.views, reply_count = excluded.reply_count, posts_count = excluded.posts_count,
      fetched_at = excluded.fetched_at, seen_run = excluded.seen_run, prev_posts_count = NULL, pending = 0`),
    unskip: db.prepare('DELETE FROM forum_skipped WHERE topic_id = ?'),
    skip: db.prepare('INSERT OR REPLACE INTO forum_skipped (topic_id, url, error, at) VALUES (?, ?, ?, ?)'),
    skipped: db.prepare('SELECT topic_id FROM forum_skipped ORDER BY topic_id').pluck(),
    pending: db.prepare('SELECT id FROM forum_topics WHERE pending <> 0 ORDER BY id').pluck(),
    done: db.prepare('UPDATE forum_topics SET pending = 0, prev_posts_count = NULL WHERE id = ?'),
  };
  const names = new Map<number, string | null>();
  const rowOf = (t: ListedTopic, runId: string, at: string) => ({
    id: t.id,
    title: t.title,
    category: categoryName(t.category_id),
    category_id: t.category_id,
    created_at: t.created_at,
    last_posted_at: t.last_posted_at,
    bumped_at: t.bumped_at,
    tags: JSON.stringify(t.tags),
    views: t.views,
    reply_count: t.reply_count,
    posts_count: t.posts_count,
    fetched_at: at,
    seen_run: runId,
  });
  const categoryName = (id: number | null): string | null => {
    if (id === null) return null;
    if (!names.has(id)) names.set(id, (s.categoryName.get(id) as string | undefined) ?? null);
    return names.get(id) ?? null;
  };

  return {
    checkpoint: (base: string) => s.checkpoint.get(base) as ForumCheckpoint | undefined,
    putCheckpoint: (cp: ForumCheckpoint) => void s.putCheckpoint.run(cp),
    exists: (id: number) => s.exists.get(id) !== undefined,
    knowsCategory: (id: number) => categoryName(id) !== null,
    categoryName,
    putCategories: db.transaction(
      (cats: { id: number; name: string; slug: string | null; parentId: number | null }[]) => {
        for (const c of cats) s.putCategory.run(c.id, c.name, c.slug, c.parentId);
        names.clear();
      },
    ),
    /**
     * Stores what the listing says about a topic. A new or changed one is left `pending` with the
     * posts_count it had, so the run can tell later whether the posts it swept explain the change.
     */
    list(t: ListedTopic, runId: string, at: string): Listed {
      const row = rowOf(t, runId, at);
      const old = s.stored.get(t.id) as
        | { title: string; category_id: number | null; bumped_at: string | null; posts_count: number | null }
        | undefined;
      if (!old) {
        s.insert.run(row);
        s.unGone.run(t.id);
        return 'new';
      }
      const changed =
        old.bumped_at !== t.bumped_at ||
        old.posts_count !== t.posts_count ||
        old.title !== t.title ||
        old.category_id !== t.category_id;
      if (!changed) {
        s.same.run(t.views, t.reply_count, runId, t.id);
        return 'same';
      }
      s.change.run({ ...row, prev: old.posts_count });
      return 'changed';
    },
    /** A topic read whole from /t/<id>.json: no longer pending or skipped, not gone. */
    saveFetched(t: ListedTopic, runId: string, at: string): void {
      s.fetched.run(rowOf(t, runId, at));
      s.unskip.run(t.id);
      s.unGone.run(t.id);
    },
    skip: (id: number, url: string, error: string, at: string) => void s.skip.run(id, url, error, at),
    skippedIds: () => s.skipped.all() as number[],
    pendingIds: () => s.pending.all() as number[],
    /** Nothing more to read for it this run. */
    settle(id: number) {
      s.done.run(id);
      s.unskip.run(id);
    },
    /** Not pending any more, but still to be tried again by the next run (it stays skipped). */
    unpend: (id: number) => void s.done.run(id),
  };
}
export type TopicStore = ReturnType<typeof topicStore>;
