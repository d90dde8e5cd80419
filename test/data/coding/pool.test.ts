import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { topicInfo, topicPool } from '../../../src/data/coding/pool.js';

/** Minimal tables only: the miner owns the real forum schema; this checks we adapt to it. */
function db(withForum: boolean) {
  const d = new Database(':memory:');
  d.exec(
    "CREATE TABLE topics (id INTEGER PRIMARY KEY, forum_category TEXT, url TEXT); INSERT INTO topics VALUES (1, 'Beginners', 'https://discuss.huggingface.co/t/1');",
  );
  if (withForum)
    d.exec(`CREATE TABLE forum_topics (id INTEGER PRIMARY KEY, title TEXT, category TEXT, created_at TEXT);
      CREATE TABLE forum_posts (topic_id INTEGER, post_number INTEGER, text TEXT);
      INSERT INTO forum_topics VALUES (1, 'Coded and mined', 'Beginners', '2021-01-01'), (2, 'How to fine-tune?', NULL, '2021-02-01');
      INSERT INTO forum_posts VALUES (2, 2, 'a reply'), (2, 1, 'I want to   fine-tune ${'x'.repeat(400)}');`);
  return d;
}

describe('data/coding/pool', () => {
  it('draws from the coded topics only when no mined forum tables exist', () => {
    expect(topicPool(db(false))).toEqual([{ id: 1, stratum: 'Beginners' }]);
    expect(topicInfo(db(false), 1, 'https://discuss.huggingface.co')).toEqual({
      id: 1,
      url: 'https://discuss.huggingface.co/t/1',
      title: null,
      excerpt: null,
    });
  });

  it('adds mined topics once, with title and the first post as excerpt', () => {
    const d = db(true);
    expect(topicPool(d)).toEqual([
      { id: 1, stratum: 'Beginners' },
      { id: 2, stratum: 'Uncategorized' },
    ]);
    const info = topicInfo(d, 2, 'https://discuss.huggingface.co/');
    expect(info.url).toBe('https://discuss.huggingface.co/t/2');
    expect(info.title).toBe('How to fine-tune?');
    expect(info.excerpt?.startsWith('I want to fine-tune x')).toBe(true);
    expect(info.excerpt!.length).toBe(280);
  });
});
