import { describe, expect, it } from 'vitest';
import { buildMentionMatcher, type MentionMatcher } from '../../../src/analysis/mentions.js';
import { type Db, openDatabase } from '../../../src/data/db.js';
import { getMinedMeta } from '../../../src/data/mined-meta.js';
import { deriveMentions } from '../../../src/data/derive/mentions.js';
import { readModelTypes } from '../../../src/data/miners/hub/model-types.js';
import { generateCorpus, storeCorpus } from '../../helpers/mention-corpus.js';
import { referenceDeriveMentions } from '../../helpers/reference-derive-mentions.js';
import { buildReferenceMatcher } from '../../helpers/reference-mentions.js';

const types = readModelTypes();
const now = () => new Date('2026-11-22T12:00:00Z');
const later = () => new Date('2026-11-23T12:00:00Z');
const corpus = [...generateCorpus({ topics: 400, seed: 29, wordsPerPost: 50, tricky: true, types })];

function forum(): Db {
  const db = openDatabase(':memory:', { create: true });
  storeCorpus(db, corpus, '2026-11-20T00:00:00Z');
  return db;
}
const table = (db: Db) => db.prepare('SELECT * FROM mention_matches ORDER BY topic_id, model_type').all();

/** Person decisions and forum edits between two scans, applied the same way to both databases. */
function editForum(db: Db) {
  const decide = db.prepare(
    "UPDATE mention_matches SET status = ?, decided_by = 'ana', decided_at = '2026-11-22' WHERE rowid IN (SELECT rowid FROM mention_matches WHERE status = 'pending' ORDER BY topic_id, model_type LIMIT ? OFFSET ?)",
  );
  decide.run('accepted', 5, 0);
  decide.run('rejected', 5, 5);
  const touched = db
    .prepare('SELECT DISTINCT topic_id FROM mention_matches ORDER BY topic_id LIMIT 40')
    .pluck()
    .all() as number[];
  for (const id of touched) {
    // Posts deleted on the forum, edited to name other models, and a new ordinary-word match.
    db.prepare('DELETE FROM forum_posts WHERE topic_id = ? AND post_number > 1').run(id);
    db.prepare("UPDATE forum_posts SET text = 'Now I opt for whisper-large and a bit of CLIP.' WHERE topic_id = ?").run(
      id,
    );
    db.prepare("UPDATE forum_topics SET title = 'edited', fetched_at = '2026-11-23T00:00:00Z' WHERE id = ?").run(id);
  }
  return touched;
}

describe('data/derive/mentions (batched writer)', () => {
  it('writes exactly the rows and counts of the old collect-then-write scan, first and incremental', () => {
    const [a, b] = [forum(), forum()];
    const first = deriveMentions(a, buildMentionMatcher(types), { now, batchTopics: 37 });
    const old = referenceDeriveMentions(b, buildReferenceMatcher(types), { now });
    expect(first).toEqual(old);
    expect(first.matches).toBeGreaterThan(5000);
    expect(table(a)).toEqual(table(b));

    const touched = editForum(a);
    expect(editForum(b)).toEqual(touched);
    const again = deriveMentions(a, buildMentionMatcher(types), { now: later, batchTopics: 7 });
    const oldAgain = referenceDeriveMentions(b, buildReferenceMatcher(types), { now: later });
    expect(again).toEqual(oldAgain);
    expect(again.topics).toBe(touched.length); // only what was fetched since the last scan
    expect(again.pending).toBeGreaterThan(0);
    expect(table(a)).toEqual(table(b));
    // The decisions survived; the matches the edits removed are gone unless a person decided them.
    expect(
      a.prepare("SELECT count(*) FROM mention_matches WHERE status IN ('accepted', 'rejected')").pluck().get(),
    ).toBe(10);
    expect(getMinedMeta(a, 'mined_mentions_scanned_at')).toBe(later().toISOString());
  });

  it('writes each batch before it matches the next, so matches never pile up in memory', () => {
    const db = forum();
    const inner = buildMentionMatcher(types);
    const storedWhenAsked: number[] = [];
    const spy: MentionMatcher = {
      find: inner.find,
      findUtf8(texts) {
        storedWhenAsked.push(
          db.prepare('SELECT count(DISTINCT topic_id) FROM mention_matches').pluck().get() as number,
        );
        return inner.findUtf8(texts);
      },
    };
    deriveMentions(db, spy, { now, batchTopics: 100 });
    expect(storedWhenAsked).toHaveLength(400);
    // Topic 101 is matched after the first 100 topics' hits are in the table, and so on.
    expect(storedWhenAsked[0]).toBe(0);
    expect(storedWhenAsked[100]).toBeGreaterThan(50);
    expect(storedWhenAsked[300]).toBeGreaterThan(storedWhenAsked[200]!);
    expect(new Set(storedWhenAsked.slice(1, 100))).toEqual(new Set([0]));
  });

  it('an interrupted scan keeps the scan mark, and the next scan finishes the same table', () => {
    const [a, b] = [forum(), forum()];
    const inner = buildMentionMatcher(types);
    let calls = 0;
    const failing: MentionMatcher = {
      find: inner.find,
      findUtf8(texts) {
        if (++calls === 250) throw new Error('killed');
        return inner.findUtf8(texts);
      },
    };
    expect(() => deriveMentions(a, failing, { now, batchTopics: 100 })).toThrow('killed');
    expect(getMinedMeta(a, 'mined_mentions_scanned_at')).toBeUndefined();
    expect(a.prepare('SELECT count(DISTINCT topic_id) FROM mention_matches').pluck().get()).toBeGreaterThan(100);
    deriveMentions(a, inner, { now: later });
    deriveMentions(b, inner, { now: later });
    expect(table(a)).toEqual(table(b));
  });
});
