import { describe, expect, it } from 'vitest';
import { runCommandText } from '../../src/commands/run.js';
import { commands } from '../../src/commands/index.js';
import { testServices, testUser } from '../helpers/dataset.js';

describe('commands/code (mined forum topics)', () => {
  it('draws mined topics too and shows their title and first-post excerpt in /code next', async () => {
    const services = await testServices();
    const run = (text: string, user: string) => runCommandText(text, { user: testUser(user), services }, commands);
    services.db
      .prepare(
        "INSERT INTO forum_topics (id, title, category, created_at, fetched_at) VALUES (99999001, 'Fine-tuning BERT gives NaN loss', 'Beginners', '2023-01-01', '2026-11-01')",
      )
      .run();
    services.db
      .prepare(
        "INSERT INTO forum_posts (id, topic_id, post_number, created_at, text) VALUES (1, 99999001, 1, '2023-01-01', 'My loss becomes NaN after 3 steps.')",
      )
      .run();
    const start = await run('/code start name:mined size:456 raters:alice,bob seed:m purpose:study', 'alice');
    expect(start.error).toBeUndefined();
    const rid = (start.data.round as { id: number }).id;
    // Put every other topic behind the mined one for this rater.
    services.db
      .prepare(
        "INSERT INTO label_skips SELECT round_id, topic_id, 'test:alice', 'x' FROM round_topics WHERE round_id = ? AND topic_id <> 99999001",
      )
      .run(rid);
    const next = await run('/code next mined', 'alice');
    expect(next.data.topic).toBe(99999001);
    expect(next.text).toContain('Title: Fine-tuning BERT gives NaN loss');
    expect(next.text).toContain('> My loss becomes NaN after 3 steps.');
    expect(next.text).toContain('https://discuss.huggingface.co/t/99999001');
    expect(next.text).not.toContain('not in the dataset');
    // A topic of the replication package has no title or post here: the rater is told how to get them.
    const other = await run('/code next mined', 'bob');
    expect(other.data.title).toBeNull();
    expect(other.text).toContain('Title and first post are not in the dataset yet');
    expect(other.text).toContain('hfbot mine forum');
    await run('/code label 99999001 C2', 'alice');
    await run('/code label 99999001 C2', 'bob');
    // A study round, both raters agree: the mined topic gets its category, with the forum category it was drawn with.
    expect(services.db.prepare('SELECT forum_category FROM topic_categories WHERE topic_id = 99999001').get()).toEqual({
      forum_category: 'Beginners',
    });
  });
});
