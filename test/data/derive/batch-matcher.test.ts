import { describe, expect, it } from 'vitest';
import { buildMentionMatcher } from '../../../src/analysis/mentions.js';
import { matchInThread, matchOnWorker, scanMatcher } from '../../../src/data/derive/batch-matcher.js';
import { deriveMentions } from '../../../src/data/derive/mentions.js';
import { openDatabase } from '../../../src/data/db.js';
import { getMinedMeta } from '../../../src/data/mined-meta.js';
import { readModelTypes } from '../../../src/data/miners/hub/model-types.js';
import { generateCorpus, storeCorpus } from '../../helpers/mention-corpus.js';
import { referenceDeriveMentions } from '../../helpers/reference-derive-mentions.js';
import { buildReferenceMatcher } from '../../helpers/reference-mentions.js';

const types = readModelTypes();
const now = () => new Date('2026-11-22T12:00:00Z');
const corpus = [...generateCorpus({ topics: 300, seed: 41, wordsPerPost: 50, tricky: true, types })];
const utf8 = corpus.map((t) => [t.title, ...t.posts].map((x) => Buffer.from(x)));
const table = (db: ReturnType<typeof openDatabase>) =>
  db.prepare('SELECT * FROM mention_matches ORDER BY topic_id, model_type').all();

describe('data/derive/batch-matcher (matching on a worker thread)', () => {
  it('the worker finds exactly what the matcher finds on this thread, batch by batch, in order', () => {
    const here = matchInThread(buildMentionMatcher(types));
    const worker = matchOnWorker(types);
    try {
      const batches = [utf8.slice(0, 100), utf8.slice(100, 101), utf8.slice(101, 300)];
      // Two batches in flight before the first is taken, as deriveMentions does.
      for (const b of batches) {
        here.submit(b);
        worker.submit(b);
      }
      let hits = 0;
      for (const b of batches) {
        const [want, got] = [here.take(), worker.take()];
        expect(got).toHaveLength(b.length);
        expect(got).toEqual(want);
        hits += got.flat().length;
      }
      expect(hits).toBeGreaterThan(300);
    } finally {
      worker.close();
    }
  });

  it('a worker that fails to start throws from take(), not waited for forever', () => {
    const bad = [42 as unknown as string];
    expect(() => buildMentionMatcher(bad)).toThrow('toLowerCase is not a function');
    const worker = matchOnWorker(bad);
    try {
      worker.submit(utf8.slice(0, 2));
      expect(() => worker.take()).toThrow('toLowerCase is not a function');
      expect(() => worker.take()).toThrow('take() without a submitted batch');
    } finally {
      worker.close();
    }
  });

  it('a scan matched on the worker writes the table of the old collect-then-write scan', () => {
    const [a, b] = [0, 1].map(() => {
      const db = openDatabase(':memory:', { create: true });
      storeCorpus(db, corpus, '2026-11-20T00:00:00Z');
      return db;
    }) as [ReturnType<typeof openDatabase>, ReturnType<typeof openDatabase>];
    // 30 topics a batch: the first on this thread, the other nine on the worker.
    const got = deriveMentions(a, scanMatcher(types), { now, batchTopics: 30 });
    const want = referenceDeriveMentions(b, buildReferenceMatcher(types), { now });
    expect(got).toEqual(want);
    expect(got.matches).toBeGreaterThan(300);
    expect(table(a)).toEqual(table(b));
    expect(getMinedMeta(a, 'mined_mentions_scanned_at')).toBe(now().toISOString());
  });
});
