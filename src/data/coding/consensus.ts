/**
 * Which round labels become topic-level categories (topic_categories, source 'round:<id>'), the
 * rows /challenges level:beginner and /examples count. Only a study round with two raters or
 * more feeds them, and only with a label every rater agreed on or a negotiated (resolved) one:
 * one person's labels are not agreement, and a practice round never changes the study's answers.
 * Recomputed inside the transaction of every write that can change it.
 *
 * Typed against better-sqlite3 directly (not ../db.js): the schema migrations resync with it.
 */
import type Database from 'better-sqlite3';

type Db = Database.Database;

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

/** Study purpose and at least two raters: the rule for feeding topic categories. */
export function feedsCategories(db: Db, roundId: number): boolean {
  const r = db
    .prepare(
      "SELECT purpose = 'study' AS study, (SELECT count(*) FROM round_raters WHERE round_id = rounds.id) AS raters FROM rounds WHERE id = ?",
    )
    .get(roundId) as { study: number; raters: number } | undefined;
  return Boolean(r && r.study === 1 && r.raters >= 2);
}

/** Must run inside the caller's transaction. Returns the consensus (whether or not it feeds). */
export function syncConsensus(db: Db, roundId: number, topic: number): string | null {
  const source = `round:${roundId}`;
  const code = consensusCode(db, roundId, topic);
  db.prepare('DELETE FROM topic_categories WHERE topic_id = ? AND source = ?').run(topic, source);
  if (code && feedsCategories(db, roundId)) {
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

/** Every topic of a round again (its purpose changed, or the feeding rule did). In a transaction. */
export function resyncRound(db: Db, roundId: number): void {
  db.prepare('DELETE FROM topic_categories WHERE source = ?').run(`round:${roundId}`);
  if (!feedsCategories(db, roundId)) return;
  const topics = db.prepare('SELECT topic_id FROM round_topics WHERE round_id = ?').all(roundId) as {
    topic_id: number;
  }[];
  for (const t of topics) syncConsensus(db, roundId, t.topic_id);
}
