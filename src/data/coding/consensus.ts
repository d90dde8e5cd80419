/**
 * Consensus labels become topic-level categories (topic_categories, source 'round:<id>'),
 * so /challenges level:beginner grows with every round. Recomputed inside the same
 * transaction as the label or resolution that may change it.
 */
import type { Db } from '../db.js';

export function consensusCode(db: Db, roundId: number, topic: number): string | null {
  const res = db.prepare('SELECT code FROM resolutions WHERE round_id = ? AND topic_id = ?').get(roundId, topic) as
    | { code: string }
    | undefined;
  if (res) return res.code;
  const raters = (db.prepare('SELECT count(*) AS n FROM round_raters WHERE round_id = ?').get(roundId) as { n: number })
    .n;
  const rows = db
    .prepare('SELECT DISTINCT code FROM labels WHERE round_id = ? AND topic_id = ? AND superseded_at IS NULL')
    .all(roundId, topic) as { code: string }[];
  const labelled = (
    db
      .prepare('SELECT count(*) AS n FROM labels WHERE round_id = ? AND topic_id = ? AND superseded_at IS NULL')
      .get(roundId, topic) as { n: number }
  ).n;
  return labelled === raters && raters > 0 && rows.length === 1 ? rows[0]!.code : null;
}

/** Must run inside the caller's transaction. */
export function syncConsensus(db: Db, roundId: number, topic: number): string | null {
  const source = `round:${roundId}`;
  const code = consensusCode(db, roundId, topic);
  db.prepare('DELETE FROM topic_categories WHERE topic_id = ? AND source = ?').run(topic, source);
  if (code) {
    const cat = db
      .prepare('SELECT forum_category FROM round_topics WHERE round_id = ? AND topic_id = ?')
      .get(roundId, topic) as { forum_category: string };
    db.prepare('INSERT INTO topic_categories (topic_id, code, source, forum_category) VALUES (?, ?, ?, ?)').run(
      topic,
      code,
      source,
      cat.forum_category,
    );
  }
  return code;
}
