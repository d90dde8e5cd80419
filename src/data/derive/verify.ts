/** The verification queue: ambiguous model-name matches a person accepts or rejects. */
import type { Db } from '../db.js';
import { HfbotError } from '../../errors.js';
import { mining } from '../../messages/mining.js';

export interface PendingMatch {
  topicId: number;
  modelType: string;
  matched: string;
  sentence: string;
  title: string | null;
}

export function pendingMatches(db: Db, limit: number, modelType?: string): { items: PendingMatch[]; total: number } {
  const where = `m.status = 'pending'${modelType ? ' AND m.model_type = ?' : ''}`;
  const params = modelType ? [modelType] : [];
  const items = db
    .prepare(`SELECT m.topic_id AS topicId, m.model_type AS modelType, m.matched, m.sentence, t.title FROM mention_matches m
    LEFT JOIN forum_topics t ON t.id = m.topic_id WHERE ${where} ORDER BY m.model_type, m.topic_id LIMIT ?`)
    .all(...params, limit) as PendingMatch[];
  const total = db
    .prepare(`SELECT count(*) FROM mention_matches m WHERE ${where}`)
    .pluck()
    .get(...params) as number;
  return { items, total };
}

/** "639:opt" -> {639, 'opt'}; a clear error otherwise. */
export function parseMatchRef(ref: string): { topicId: number; modelType: string } {
  const m = /^T?(\d+)[:/ ]([a-z0-9_.-]+)$/i.exec(ref.trim());
  if (!m)
    throw new HfbotError('E_BAD_VALUE', mining.badMatchRef(ref), {
      hint: mining.badMatchRefHint,
      details: { option: 'match' },
    });
  return { topicId: Number(m[1]), modelType: m[2]!.toLowerCase() };
}

export function decideMatch(
  db: Db,
  ref: { topicId: number; modelType: string },
  decision: 'accepted' | 'rejected',
  by: string,
  at: string,
): { previous: string } {
  return db.transaction(() => {
    const row = db
      .prepare('SELECT status FROM mention_matches WHERE topic_id = ? AND model_type = ?')
      .get(ref.topicId, ref.modelType) as { status: string } | undefined;
    if (!row)
      throw new HfbotError('E_NOT_FOUND', mining.noMatch(ref.topicId, ref.modelType), {
        hint: mining.noMatchHint,
        details: { option: 'match' },
      });
    if (row.status === 'auto') throw new HfbotError('E_CONFLICT', mining.notAmbiguous(ref.topicId, ref.modelType));
    db.prepare(
      'UPDATE mention_matches SET status = ?, decided_by = ?, decided_at = ? WHERE topic_id = ? AND model_type = ?',
    ).run(decision, by, at, ref.topicId, ref.modelType);
    return { previous: row.status };
  })();
}
