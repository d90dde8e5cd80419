/**
 * Posts and topics that the forum no longer shows (deleted, hidden by flags, made private or
 * unlisted) leave the live tables, so they drop out of every count, mention and series, and are
 * recorded in forum_gone. A topic's automatic and pending mention matches go with it; decisions a
 * person made stay (they count only through a live topic) in case it comes back.
 */
import type { Db } from '../../db.js';

export function goneStore(db: Db) {
  const s = {
    tomb: db.prepare('INSERT OR REPLACE INTO forum_gone (kind, id, topic_id, reason, gone_at) VALUES (?, ?, ?, ?, ?)'),
    postTopic: db.prepare('SELECT topic_id FROM forum_posts WHERE id = ?').pluck(),
    deletePost: db.prepare('DELETE FROM forum_posts WHERE id = ?'),
    touch: db.prepare('UPDATE forum_topics SET fetched_at = ? WHERE id = ?'),
    deletePosts: db.prepare('DELETE FROM forum_posts WHERE topic_id = ?'),
    deleteTopic: db.prepare('DELETE FROM forum_topics WHERE id = ?'),
    deleteMatches: db.prepare("DELETE FROM mention_matches WHERE topic_id = ? AND status IN ('auto', 'pending')"),
    unskip: db.prepare('DELETE FROM forum_skipped WHERE topic_id = ?'),
    unGonePost: db.prepare("DELETE FROM forum_gone WHERE kind = 'post' AND id = ?"),
  };
  return {
    /** True when the post was stored (and is now gone). */
    post(id: number, reason: string, at: string): boolean {
      const topic = s.postTopic.get(id) as number | undefined;
      if (topic === undefined) return false;
      s.tomb.run('post', id, topic, reason, at);
      s.deletePost.run(id);
      // The topic's mentions are read again without the post.
      s.touch.run(at, topic);
      return true;
    },
    topic(id: number, reason: string, at: string): boolean {
      const had = s.deleteTopic.run(id).changes > 0;
      s.deletePosts.run(id);
      s.deleteMatches.run(id);
      s.unskip.run(id);
      if (had) s.tomb.run('topic', id, id, reason, at);
      return had;
    },
    unGonePost: (id: number) => void s.unGonePost.run(id),
  };
}
export type GoneStore = ReturnType<typeof goneStore>;
