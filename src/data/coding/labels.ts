/**
 * Label writes. Each one checks the round's state and commits in one IMMEDIATE transaction
 * (the write lock is taken up front, so concurrent processes queue instead of failing on
 * lock upgrade); the caller confirms only after this returns.
 */
import type { Db } from '../db.js';
import { HfbotError } from '../../errors.js';
import { msg } from '../../messages/index.js';
import { getRound, isRater, roundTopic, type Round } from './rounds.js';
import { syncConsensus } from './consensus.js';

export interface NewLabel {
  roundId: number;
  topic: number;
  rater: string;
  code: string;
  subcategory: string | null;
  freeCode: string | null;
  at: string;
}

/** Round open, caller a rater, topic in the round: the preconditions of every label write. */
export function assertCanLabel(db: Db, roundId: number, topic: number, rater: string): Round {
  const round = getRound(db, roundId)!;
  if (round.status !== 'open')
    throw new HfbotError('E_CONFLICT', msg.coding.roundClosed(round.name), { hint: msg.coding.reopenHint(round.name) });
  if (!isRater(db, roundId, rater)) throw new HfbotError('E_FORBIDDEN', msg.coding.notRater(round.name));
  if (!roundTopic(db, roundId, topic))
    throw new HfbotError('E_NOT_FOUND', msg.coding.topicNotInRound(topic, round.name), { hint: msg.coding.nextHint });
  return round;
}

export interface LabelResult {
  replaced: boolean;
  labelled: number;
  total: number;
  consensus: string | null;
}

export function recordLabel(db: Db, l: NewLabel): LabelResult {
  return db
    .transaction((): LabelResult => {
      assertCanLabel(db, l.roundId, l.topic, l.rater);
      const prev = db
        .prepare(
          'UPDATE labels SET superseded_at = ? WHERE round_id = ? AND topic_id = ? AND rater = ? AND superseded_at IS NULL',
        )
        .run(l.at, l.roundId, l.topic, l.rater);
      db.prepare(
        'INSERT INTO labels (round_id, topic_id, rater, code, subcategory, free_code, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(l.roundId, l.topic, l.rater, l.code, l.subcategory, l.freeCode, l.at);
      db.prepare('DELETE FROM label_skips WHERE round_id = ? AND topic_id = ? AND rater = ?').run(
        l.roundId,
        l.topic,
        l.rater,
      );
      const consensus = syncConsensus(db, l.roundId, l.topic);
      const p = progress(db, l.roundId, l.rater);
      return { replaced: prev.changes > 0, ...p, consensus };
    })
    .immediate();
}

export function recordSkip(db: Db, roundId: number, topic: number, rater: string, at: string): void {
  db.transaction(() => {
    assertCanLabel(db, roundId, topic, rater);
    db.prepare(
      'INSERT INTO label_skips (round_id, topic_id, rater, at) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET at = excluded.at',
    ).run(roundId, topic, rater, at);
  }).immediate();
}

export function progress(db: Db, roundId: number, rater: string): { labelled: number; total: number } {
  const labelled = (
    db
      .prepare('SELECT count(*) AS n FROM labels WHERE round_id = ? AND rater = ? AND superseded_at IS NULL')
      .get(roundId, rater) as { n: number }
  ).n;
  const total = (db.prepare('SELECT count(*) AS n FROM round_topics WHERE round_id = ?').get(roundId) as { n: number })
    .n;
  return { labelled, total };
}

/** The rater's next topic: first unlabelled, unskipped one; then the skipped ones again. */
export function nextTopic(
  db: Db,
  roundId: number,
  rater: string,
): { topic_id: number; position: number; forum_category: string; skipped: boolean } | undefined {
  const row = db
    .prepare(
      `SELECT t.topic_id, t.position, t.forum_category, EXISTS (SELECT 1 FROM label_skips s WHERE s.round_id = t.round_id AND s.topic_id = t.topic_id AND s.rater = ?) AS skipped
       FROM round_topics t
       WHERE t.round_id = ? AND NOT EXISTS (SELECT 1 FROM labels l WHERE l.round_id = t.round_id AND l.topic_id = t.topic_id AND l.rater = ? AND l.superseded_at IS NULL)
       ORDER BY skipped, t.position LIMIT 1`,
    )
    .get(rater, roundId, rater) as
    | { topic_id: number; position: number; forum_category: string; skipped: number }
    | undefined;
  return row && { ...row, skipped: row.skipped === 1 };
}

export interface Resolution {
  roundId: number;
  topic: number;
  code: string;
  by: string;
  at: string;
}

export function recordResolution(db: Db, r: Resolution): void {
  db.transaction(() => {
    if (!roundTopic(db, r.roundId, r.topic))
      throw new HfbotError('E_NOT_FOUND', msg.coding.topicNotInRound(r.topic, getRound(db, r.roundId)!.name));
    db.prepare(
      'INSERT INTO resolutions (round_id, topic_id, code, resolved_by, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET code = excluded.code, resolved_by = excluded.resolved_by, at = excluded.at',
    ).run(r.roundId, r.topic, r.code, r.by, r.at);
    syncConsensus(db, r.roundId, r.topic);
  }).immediate();
}
