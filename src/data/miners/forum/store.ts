/** SQLite side of the forum miner: what is stored, checkpoints, and one transaction per topic. */
import type { Db } from '../../db.js';
import type { Post, Topic } from './parse.js';
import { cookedToText } from './parse.js';

export interface ForumCheckpoint {
  base_url: string;
  since: string | null;
  run_target: string | null;
  run_floor: string | null;
  run_page: number | null;
  run_started_at: string | null;
  last_finished_at: string | null;
}

export function forumStore(db: Db) {
  const stmts = {
    checkpoint: db.prepare('SELECT * FROM forum_checkpoint WHERE base_url = ?'),
    stored: db.prepare('SELECT bumped_at, posts_count, views, reply_count FROM forum_topics WHERE id = ?'),
    postIds: db.prepare('SELECT id FROM forum_posts WHERE topic_id = ?').pluck(),
    postByNumber: db.prepare('SELECT id FROM forum_posts WHERE topic_id = ? AND post_number = ?').pluck(),
    upsertTopic:
      db.prepare(`INSERT INTO forum_topics (id, title, category, category_id, created_at, last_posted_at, bumped_at, tags, accepted_answer_post_id, views, reply_count, posts_count, fetched_at)
      VALUES (@id, @title, @category, @category_id, @created_at, @last_posted_at, @bumped_at, @tags, @accepted, @views, @reply_count, @posts_count, @fetched_at)
      ON CONFLICT(id) DO UPDATE SET title = excluded.title, category = excluded.category, category_id = excluded.category_id, created_at = excluded.created_at,
        last_posted_at = excluded.last_posted_at, bumped_at = excluded.bumped_at, tags = excluded.tags, accepted_answer_post_id = excluded.accepted_answer_post_id,
        views = excluded.views, reply_count = excluded.reply_count, posts_count = excluded.posts_count, fetched_at = excluded.fetched_at`),
    upsertPost:
      db.prepare(`INSERT INTO forum_posts (id, topic_id, post_number, author, created_at, text) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT(id) DO UPDATE SET topic_id = excluded.topic_id, post_number = excluded.post_number, author = excluded.author, created_at = excluded.created_at, text = excluded.text`),
    deletePost: db.prepare('DELETE FROM forum_posts WHERE id = ?'),
    counts: db.prepare('UPDATE forum_topics SET views = ?, reply_count = ? WHERE id = ?'),
    categoryName: db.prepare('SELECT name FROM forum_category_names WHERE id = ?').pluck(),
    putCategory: db.prepare(
      'INSERT OR REPLACE INTO forum_category_names (id, name, slug, parent_id) VALUES (?, ?, ?, ?)',
    ),
    skip: db.prepare('INSERT OR REPLACE INTO forum_skipped (topic_id, url, error, at) VALUES (?, ?, ?, ?)'),
    unskip: db.prepare('DELETE FROM forum_skipped WHERE topic_id = ?'),
    skipped: db.prepare('SELECT topic_id FROM forum_skipped ORDER BY topic_id').pluck(),
    putCheckpoint:
      db.prepare(`INSERT INTO forum_checkpoint (base_url, since, run_target, run_floor, run_page, run_started_at, last_finished_at)
      VALUES (@base_url, @since, @run_target, @run_floor, @run_page, @run_started_at, @last_finished_at)
      ON CONFLICT(base_url) DO UPDATE SET since = excluded.since, run_target = excluded.run_target, run_floor = excluded.run_floor,
        run_page = excluded.run_page, run_started_at = excluded.run_started_at, last_finished_at = excluded.last_finished_at`),
  };

  return {
    checkpoint: (baseUrl: string) => stmts.checkpoint.get(baseUrl) as ForumCheckpoint | undefined,
    putCheckpoint: (cp: ForumCheckpoint) => void stmts.putCheckpoint.run(cp),
    stored: (id: number) =>
      stmts.stored.get(id) as
        | { bumped_at: string | null; posts_count: number | null; views: number | null; reply_count: number | null }
        | undefined,
    storedPostIds: (topicId: number) => new Set(stmts.postIds.all(topicId) as number[]),
    updateCounts: (id: number, views: number | null, replies: number | null) =>
      void stmts.counts.run(views, replies, id),
    categoryName: (id: number) => stmts.categoryName.get(id) as string | undefined,
    putCategories: db.transaction(
      (cats: { id: number; name: string; slug: string | null; parentId: number | null }[]) => {
        for (const c of cats) stmts.putCategory.run(c.id, c.name, c.slug, c.parentId);
      },
    ),
    skippedIds: () => stmts.skipped.all() as number[],
    skip: (topicId: number, url: string, error: string, at: string) => void stmts.skip.run(topicId, url, error, at),
    unskip: (topicId: number) => void stmts.unskip.run(topicId),
    /** The topic and all its posts, or nothing: a crash mid-topic never leaves half of it. */
    saveTopic: db.transaction(
      (t: Topic, posts: Post[], category: string | null, fetchedAt: string, bumpedAt: string | null) => {
        const mine = posts.filter((p) => p.topic_id == null || p.topic_id === t.id);
        for (const p of mine)
          stmts.upsertPost.run(p.id, t.id, p.post_number, p.username ?? null, p.created_at, cookedToText(p.cooked));
        // Posts deleted on the forum leave the stream; drop them here too.
        const current = new Set([...t.post_stream.stream, ...mine.map((p) => p.id)]);
        for (const old of stmts.postIds.all(t.id) as number[]) if (!current.has(old)) stmts.deletePost.run(old);
        let accepted = posts.find((p) => p.accepted_answer)?.id ?? null;
        if (accepted === null && t.accepted_answer)
          accepted = (stmts.postByNumber.get(t.id, t.accepted_answer.post_number) as number | undefined) ?? null;
        stmts.upsertTopic.run({
          id: t.id,
          title: t.title,
          category,
          category_id: t.category_id ?? null,
          created_at: t.created_at,
          last_posted_at: t.last_posted_at ?? null,
          bumped_at: bumpedAt ?? t.bumped_at ?? null,
          tags: JSON.stringify(t.tags),
          accepted,
          views: t.views ?? null,
          reply_count: t.reply_count ?? null,
          posts_count: t.posts_count,
          fetched_at: fetchedAt,
        });
        stmts.unskip.run(t.id);
      },
    ),
  };
}
export type ForumStore = ReturnType<typeof forumStore>;
