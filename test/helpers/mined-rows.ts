/**
 * Mined rows written straight into the mined tables, for tests that need a mined forum and Hub of
 * a known shape without running the miners (which have their own tests against fake servers).
 */
import type { Db } from '../../src/data/db.js';

const month = (i: number) => `${2021 + Math.floor((i % 36) / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;

function hasColumn(db: Db, table: string, column: string): boolean {
  return db.prepare('SELECT 1 FROM pragma_table_info(?) WHERE name = ?').get(table, column) !== undefined;
}

/** n models, a third of them bert, spread over 2021-01..2023-12; every other one has a card. */
export function addHubModels(db: Db, n: number, first = 0): void {
  const keyed = hasColumn(db, 'hub_models', 'hub_id');
  const insert = db.prepare(
    keyed
      ? 'INSERT INTO hub_models (hub_id, id, author, created_month, model_type, has_card) VALUES (?, ?, ?, ?, ?, ?)'
      : 'INSERT INTO hub_models (id, author, created_month, model_type, has_card) VALUES (?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    for (let i = first; i < first + n; i++) {
      const row = [`org${i % 50}/model-${i}`, `org${i % 50}`, month(i), ['bert', 'gpt2', 'llama'][i % 3], i % 2];
      insert.run(...(keyed ? [`h${String(i).padStart(8, '0')}`, ...row] : row));
    }
  })();
}

/** n topics with ids first.., each with three posts; every topic mentions BERT in its first post. */
export function addBertTopics(db: Db, first: number, n: number, fetchedAt = '2026-11-22T12:00:00.500Z'): void {
  const topic = db.prepare(
    'INSERT INTO forum_topics (id, title, category, created_at, fetched_at, posts_count) VALUES (?, ?, ?, ?, ?, 3)',
  );
  const post = db.prepare(
    'INSERT INTO forum_posts (id, topic_id, post_number, author, created_at, text) VALUES (?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    for (let id = first; id < first + n; id++) {
      const created = `${month(id)}-15T10:00:00.000Z`;
      topic.run(id, `Question ${id} about fine-tuning`, 'Beginners', created, fetchedAt);
      post.run(id * 10 + 1, id, 1, 'ana', created, `I fine-tuned BERT on my data and the loss is flat (${id}).`);
      post.run(id * 10 + 2, id, 2, 'ben', created, 'Try a smaller learning rate and check the tokenizer.');
      post.run(id * 10 + 3, id, 3, 'ana', created, 'That worked, thank you.');
    }
  })();
}
