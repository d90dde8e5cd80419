/**
 * Posts: stored when new, stored again only when Discourse says they changed (version or
 * updated_at, which PostRevisor moves on every edit), and marked gone when deleted or hidden. A
 * change marks its topic for the mention scan (fetched_at). Callers hold the transaction.
 */
import type { Db } from '../../db.js';
import { cookedToText, type ListedTopic, type ReadPost } from './parse.js';
import type { GoneStore } from './store-gone.js';

interface StoredPost {
  id: number;
  topic_id: number;
  post_number: number;
  version: number | null;
  updated_at: string | null;
  text: string;
}

export interface PostCounts {
  added: number;
  updated: number;
  gone: number;
}

export function postStore(db: Db, gone: GoneStore) {
  const s = {
    existing: db.prepare(
      'SELECT id, topic_id, post_number, version, updated_at, text FROM forum_posts WHERE id IN (SELECT value FROM json_each(?))',
    ),
    upsert:
      db.prepare(`INSERT INTO forum_posts (id, topic_id, post_number, author, created_at, text, updated_at, version)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET topic_id = excluded.topic_id,
      post_number = excluded.post_number, author = excluded.author, created_at = excluded.created_at,
      text = excluded.text, updated_at = excluded.updated_at, version = excluded.version`),
    touch: db.prepare('UPDATE forum_topics SET fetched_at = ? WHERE id = ?'),
    accepted: db.prepare(
      'UPDATE forum_topics SET accepted_answer_post_id = ? WHERE id = ? AND accepted_answer_post_id IS NOT ?',
    ),
    inRange: db.prepare('SELECT id FROM forum_posts WHERE id >= ? AND id < ?').pluck(),
    ofTopic: db.prepare('SELECT id FROM forum_posts WHERE topic_id = ?').pluck(),
    byNumber: db.prepare('SELECT id FROM forum_posts WHERE topic_id = ? AND post_number = ?').pluck(),
  };

  /**
   * Stores `posts` (each with its topic). With `trustVersions` a post whose version and edit time
   * did not move is not even converted to text (a full sweep meets every post); without it the
   * text decides (a topic read again because it changed).
   */
  function save(posts: (ReadPost & { topic_id: number })[], at: string, trustVersions = true): PostCounts {
    const c: PostCounts = { added: 0, updated: 0, gone: 0 };
    if (!posts.length) return c;
    const old = new Map((s.existing.all(JSON.stringify(posts.map((p) => p.id))) as StoredPost[]).map((r) => [r.id, r]));
    const touched = new Set<number>();
    for (const p of posts) {
      if (!p.regular) continue;
      if (p.gone) {
        if (gone.post(p.id, p.gone, at)) c.gone++;
        continue;
      }
      const was = old.get(p.id);
      if (
        trustVersions &&
        was &&
        was.version !== null &&
        was.version === p.version &&
        was.updated_at === p.updated_at &&
        was.topic_id === p.topic_id &&
        was.post_number === p.post_number
      )
        continue;
      const text = cookedToText(p.cooked);
      if (was && was.text === text && was.topic_id === p.topic_id && was.post_number === p.post_number) {
        // Same words (a metadata-only revision): keep them, note the new version.
        s.upsert.run(p.id, p.topic_id, p.post_number, p.username, p.created_at, text, p.updated_at, p.version);
        continue;
      }
      s.upsert.run(p.id, p.topic_id, p.post_number, p.username, p.created_at, text, p.updated_at, p.version);
      if (!was) gone.unGonePost(p.id);
      c[was ? 'updated' : 'added']++;
      touched.add(p.topic_id);
      if (was && was.topic_id !== p.topic_id) touched.add(was.topic_id);
      if (p.accepted_answer) s.accepted.run(p.id, p.topic_id, p.id);
    }
    for (const t of touched) s.touch.run(at, t);
    return c;
  }

  return {
    save,
    storedIds: (topicId: number) => new Set(s.ofTopic.all(topicId) as number[]),
    /**
     * /posts.json answered every public post with lo <= id < hi except those in `seen`: stored
     * posts in that range are gone (deleted, hidden, or in a topic that left the public listing).
     */
    goneInRange(lo: number, hi: number, seen: Set<number>, at: string): number {
      let n = 0;
      for (const id of s.inRange.all(lo, hi) as number[])
        if (!seen.has(id) && gone.post(id, 'not in /posts.json (deleted or hidden)', at)) n++;
      return n;
    },
    /** A topic's posts as /t/<id>.json streams them: anything stored but not streamed is gone. */
    saveTopicPosts(t: ListedTopic, posts: ReadPost[], stream: number[], at: string): PostCounts {
      const c = save(
        posts.filter((p) => p.topic_id === null || p.topic_id === t.id).map((p) => ({ ...p, topic_id: t.id })),
        at,
        false,
      );
      const streamed = new Set([...stream, ...posts.map((p) => p.id)]);
      for (const id of s.ofTopic.all(t.id) as number[])
        if (!streamed.has(id) && gone.post(id, 'left the topic stream (deleted)', at)) c.gone++;
      const byPost = posts.find((p) => p.accepted_answer)?.id;
      const accepted =
        byPost ??
        (t.accepted_post_number === null
          ? undefined
          : (s.byNumber.get(t.id, t.accepted_post_number) as number | undefined));
      if (accepted !== undefined) s.accepted.run(accepted, t.id, accepted);
      return c;
    },
  };
}
export type PostStore = ReturnType<typeof postStore>;
