/**
 * Writes model-name hits to mention_matches a batch of topics at a time, one transaction per
 * batch, so memory stays bounded by a batch however large the forum is. Person-made decisions
 * (accepted/rejected) are never overwritten; matches a topic no longer has are dropped unless a
 * person decided them.
 */
import type { Db } from '../db.js';
import type { MentionHit } from '../../analysis/mentions.js';

export interface TopicHits {
  topicId: number;
  hits: readonly MentionHit[];
}

export interface MentionWriteCounts {
  topics: number;
  matches: number;
  /** Ambiguous matches that were not in the table before: new work for /verify. */
  pending: number;
}

export function mentionWriter(db: Db) {
  const existing = db.prepare(
    'SELECT topic_id, model_type FROM mention_matches WHERE topic_id IN (SELECT value FROM json_each(?))',
  );
  const upsert =
    db.prepare(`INSERT INTO mention_matches (topic_id, model_type, matched, sentence, status) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT(topic_id, model_type) DO UPDATE SET matched = excluded.matched, sentence = excluded.sentence
    WHERE mention_matches.status IN ('auto', 'pending')`);
  const drop = db.prepare(
    "DELETE FROM mention_matches WHERE topic_id = ? AND model_type = ? AND status IN ('auto', 'pending')",
  );
  /** Replaces the matches of every topic in `batch` (all of them scanned) in one transaction. */
  const write = db.transaction((batch: readonly TopicHits[], counts: MentionWriteCounts) => {
    const had = new Map<number, Set<string>>();
    const rows = existing.raw().all(JSON.stringify(batch.map((b) => b.topicId))) as [number, string][];
    for (const [topic, type] of rows) {
      const set = had.get(topic) ?? new Set<string>();
      set.add(type);
      had.set(topic, set);
    }
    for (const { topicId, hits } of batch) {
      counts.topics++;
      const before = had.get(topicId);
      for (const h of hits) {
        upsert.run(topicId, h.type, h.matched, h.sentence, h.ambiguous ? 'pending' : 'auto');
        counts.matches++;
        if (h.ambiguous && !before?.has(h.type)) counts.pending++;
        before?.delete(h.type);
      }
      for (const gone of before ?? []) drop.run(topicId, gone);
    }
  });
  return { write };
}
