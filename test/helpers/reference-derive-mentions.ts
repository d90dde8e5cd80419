/**
 * deriveMentions as it was before batching (commit 3fc1c98, src/data/derive-mentions.ts): every
 * topic matched first, all hits held in memory, then one transaction. The reference the batched
 * writer must equal (test/data/derive/mentions.test.ts) and the "old" side of bench/mentions.ts.
 */
import type { Db } from '../../src/data/db.js';
// The scan's mark lives in the mined file now (issue 17 item 4), for the reference as for the real scan.
import { getMinedMeta as getMeta, setMinedMeta as setMeta } from '../../src/data/mined-meta.js';
import type { MentionMatcher } from '../../src/analysis/mentions.js';

interface MentionScan {
  topics: number;
  matches: number;
  pending: number;
}

const SCANNED_KEY = 'mined_mentions_scanned_at';

export function referenceDeriveMentions(
  db: Db,
  matcher: MentionMatcher,
  opts: { all?: boolean; now: () => Date },
): MentionScan {
  const since = opts.all ? '' : (getMeta(db, SCANNED_KEY) ?? '');
  const startedAt = opts.now().toISOString();
  const topics = db.prepare('SELECT id, title FROM forum_topics WHERE fetched_at > ? ORDER BY id').all(since) as {
    id: number;
    title: string;
  }[];
  const posts = db.prepare('SELECT text FROM forum_posts WHERE topic_id = ? ORDER BY post_number').pluck();
  const existing = db.prepare('SELECT model_type, status FROM mention_matches WHERE topic_id = ?');
  const upsert =
    db.prepare(`INSERT INTO mention_matches (topic_id, model_type, matched, sentence, status) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT(topic_id, model_type) DO UPDATE SET matched = excluded.matched, sentence = excluded.sentence
    WHERE mention_matches.status IN ('auto', 'pending')`);
  const drop = db.prepare(
    "DELETE FROM mention_matches WHERE topic_id = ? AND model_type = ? AND status IN ('auto', 'pending')",
  );
  const scan: MentionScan = { topics: 0, matches: 0, pending: 0 };
  // Match first, then write everything in one transaction.
  const found: { id: number; hits: ReturnType<MentionMatcher['find']> }[] = [];
  for (const t of topics) found.push({ id: t.id, hits: matcher.find([t.title, ...(posts.all(t.id) as string[])]) });
  db.transaction(() => {
    for (const { id, hits } of found) {
      scan.topics++;
      const had = new Map(
        (existing.all(id) as { model_type: string; status: string }[]).map((r) => [r.model_type, r.status]),
      );
      for (const h of hits) {
        upsert.run(id, h.type, h.matched, h.sentence, h.ambiguous ? 'pending' : 'auto');
        scan.matches++;
        if (h.ambiguous && !had.has(h.type)) scan.pending++;
        had.delete(h.type);
      }
      for (const gone of had.keys()) drop.run(id, gone);
    }
    setMeta(db, SCANNED_KEY, startedAt);
  })();
  return scan;
}
