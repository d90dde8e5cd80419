import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { buildDataset } from '../../../src/data/ingest/build.js';
import { openDatabase } from '../../../src/data/db.js';
import { silentLogger } from '../../../src/logger.js';
import { buildTestDataset } from '../../helpers/dataset.js';
import { REPLICATION } from '../../helpers/paths.js';

describe('data/schema/mining', () => {
  it('keeps mined rows, checkpoints and verification decisions across hfbot ingest', async () => {
    const file = await buildTestDataset();
    const db = openDatabase(file);
    db.prepare(
      "INSERT INTO forum_topics (id, title, category, created_at, fetched_at) VALUES (99001, 'Fine-tuning bert', 'Beginners', '2023-01-02T00:00:00Z', 'now')",
    ).run();
    db.prepare(
      "INSERT INTO forum_posts (id, topic_id, post_number, author, created_at, text) VALUES (1, 99001, 1, 'a', '2023-01-02T00:00:00Z', 'hi')",
    ).run();
    db.prepare(
      "INSERT INTO hub_models (id, author, created_month, model_type, has_card) VALUES ('a/b', 'a', '2023-01', 'bert', 1)",
    ).run();
    db.prepare("INSERT INTO forum_checkpoint (base_url, since) VALUES ('http://x', '2023-01-02')").run();
    db.prepare(
      "INSERT INTO mention_matches (topic_id, model_type, matched, sentence, status, decided_by) VALUES (99001, 'opt', 'OPT', 'OPT is great', 'rejected', 'test:u1')",
    ).run();
    db.close();
    await buildDataset({ sourceDir: REPLICATION, sourceKind: 'flag', dbFile: file, logger: silentLogger });
    const after = new Database(file, { readonly: true });
    const count = (t: string) => (after.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    expect([count('forum_topics'), count('forum_posts'), count('hub_models'), count('forum_checkpoint')]).toEqual([
      1, 1, 1, 1,
    ]);
    expect(after.prepare('SELECT status, decided_by FROM mention_matches').get()).toEqual({
      status: 'rejected',
      decided_by: 'test:u1',
    });
    after.close();
  });
});
