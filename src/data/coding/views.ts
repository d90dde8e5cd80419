/**
 * Read models of a round that respect blind coding: another rater's label on a topic is
 * visible only once the round is closed or every rater has labelled that topic.
 */
import type { Db } from '../db.js';
import type { Label } from '../../analysis/agreement/types.js';
import { raters, roundTopics, type Round } from './rounds.js';

export interface CurrentLabel {
  topic_id: number;
  rater: string;
  code: string;
  subcategory: string | null;
  free_code: string | null;
  created_at: string;
}

export function currentLabels(db: Db, roundId: number): CurrentLabel[] {
  return db
    .prepare(
      'SELECT topic_id, rater, code, subcategory, free_code, created_at FROM labels WHERE round_id = ? AND superseded_at IS NULL ORDER BY topic_id, rater',
    )
    .all(roundId) as CurrentLabel[];
}

/** Topics whose labels everyone may see. */
export function revealedTopics(db: Db, round: Round): Set<number> {
  if (round.status === 'closed') return new Set(roundTopics(db, round.id).map((t) => t.topic_id));
  const rows = db
    .prepare(
      `SELECT topic_id FROM labels WHERE round_id = ? AND superseded_at IS NULL GROUP BY topic_id
       HAVING count(*) = (SELECT count(*) FROM round_raters WHERE round_id = ?)`,
    )
    .all(round.id, round.id) as { topic_id: number }[];
  return new Set(rows.map((r) => r.topic_id));
}

/** The labels `viewer` may see: their own, plus everyone's on revealed topics. */
export function visibleLabels(db: Db, round: Round, viewer: string): CurrentLabel[] {
  const open = revealedTopics(db, round);
  return currentLabels(db, round.id).filter((l) => l.rater === viewer || open.has(l.topic_id));
}

export interface RatingData {
  raters: string[];
  topics: number[];
  /** units[i][j]: rater j's code on topics[i], null when missing. */
  units: Label[][];
  /** Topics not yet revealed (left out of the statistics). */
  hidden: number;
}

/**
 * Reliability data for the statistics, revealed topics only. With `resolved`, a topic with a
 * negotiated label counts as every rater giving it (agreement after negotiation).
 */
export function ratingData(db: Db, round: Round, opts: { resolved?: boolean } = {}): RatingData {
  const rs = raters(db, round.id);
  const open = revealedTopics(db, round);
  const all = roundTopics(db, round.id).map((t) => t.topic_id);
  const topics = all.filter((t) => open.has(t));
  const by = new Map<string, string>();
  for (const l of currentLabels(db, round.id)) by.set(`${l.topic_id}|${l.rater}`, l.code);
  const res = new Map<number, string>();
  if (opts.resolved)
    for (const r of db.prepare('SELECT topic_id, code FROM resolutions WHERE round_id = ?').all(round.id) as {
      topic_id: number;
      code: string;
    }[])
      res.set(r.topic_id, r.code);
  const units = topics.map((t) => rs.map((r) => res.get(t) ?? by.get(`${t}|${r}`) ?? null));
  const kept = units.map((u, i) => ({ u, t: topics[i]! })).filter((x) => x.u.filter((v) => v !== null).length > 0);
  return { raters: rs, topics: kept.map((x) => x.t), units: kept.map((x) => x.u), hidden: all.length - topics.length };
}

export interface RaterStatus {
  rater: string;
  labelled: number;
  skipped: number;
  total: number;
}

export function raterStatus(db: Db, roundId: number): RaterStatus[] {
  return db
    .prepare(
      `SELECT r.rater,
         (SELECT count(*) FROM labels l WHERE l.round_id = r.round_id AND l.rater = r.rater AND l.superseded_at IS NULL) AS labelled,
         (SELECT count(*) FROM label_skips s WHERE s.round_id = r.round_id AND s.rater = r.rater) AS skipped,
         (SELECT count(*) FROM round_topics t WHERE t.round_id = r.round_id) AS total
       FROM round_raters r WHERE r.round_id = ? ORDER BY r.rater`,
    )
    .all(roundId) as RaterStatus[];
}

/** Topics whose current labels come from every one of `raterCount` raters. */
export function completeTopicCount(db: Db, roundId: number, raterCount: number): number {
  return (
    db
      .prepare(
        'SELECT count(*) AS n FROM (SELECT topic_id FROM labels WHERE round_id = ? AND superseded_at IS NULL GROUP BY topic_id HAVING count(*) = ?)',
      )
      .get(roundId, raterCount) as { n: number }
  ).n;
}

export function resolutions(db: Db, roundId: number): Map<number, { code: string; resolved_by: string }> {
  const rows = db.prepare('SELECT topic_id, code, resolved_by FROM resolutions WHERE round_id = ?').all(roundId) as {
    topic_id: number;
    code: string;
    resolved_by: string;
  }[];
  return new Map(rows.map((r) => [r.topic_id, r]));
}

export function labelHistory(
  db: Db,
  roundId: number,
  topic: number,
  rater: string,
): { code: string; created_at: string; superseded_at: string | null }[] {
  return db
    .prepare(
      'SELECT code, created_at, superseded_at FROM labels WHERE round_id = ? AND topic_id = ? AND rater = ? ORDER BY id',
    )
    .all(roundId, topic, rater) as never;
}
