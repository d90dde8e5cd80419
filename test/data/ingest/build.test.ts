import { describe, expect, it, beforeAll } from 'vitest';
import { openDatabase, type Db } from '../../../src/data/db.js';
import { buildTestDataset } from '../../helpers/dataset.js';

const count = (db: Db, sql: string, ...params: unknown[]) => (db.prepare(sql).get(...params) as { n: number }).n;

describe('data/ingest/build', () => {
  let db: Db;
  beforeAll(async () => {
    db = openDatabase(await buildTestDataset(), { readonly: true });
  });

  it('reproduces the published Table I totals: 17 challenges = 737, 6 benefits = 514', () => {
    expect(count(db, "SELECT count(*) n FROM taxonomy WHERE kind = 'challenge'")).toBe(17);
    expect(count(db, "SELECT sum(published_count) n FROM taxonomy WHERE kind = 'challenge'")).toBe(737);
    expect(count(db, "SELECT count(*) n FROM taxonomy WHERE kind = 'benefit'")).toBe(6);
    expect(count(db, "SELECT sum(published_count) n FROM taxonomy WHERE kind = 'benefit'")).toBe(514);
  });

  it('numbers categories in Table I order, not the codebook order', () => {
    const row = (code: string) =>
      db.prepare('SELECT category, published_count AS n FROM taxonomy WHERE code = ?').get(code);
    expect(row('C1')).toEqual({ category: 'Model Usage and Understanding', n: 106 });
    expect(row('C13')).toEqual({ category: 'Spaces', n: 16 });
    expect(row('C17')).toEqual({ category: 'Lack of Support', n: 6 });
    expect(row('B1')).toEqual({ category: 'Expert Opinion and Solutions', n: 262 });
  });

  it('reads codebook rows, continuing a blank Category from the row above, with example topics', () => {
    // Challenges.csv has 47 codebook rows; the first row of C1 quotes topic 639.
    expect(count(db, "SELECT count(*) n FROM codebook c JOIN taxonomy t USING (code) WHERE t.kind = 'challenge'")).toBe(
      47,
    );
    expect(count(db, "SELECT count(*) n FROM codebook WHERE code = 'C1'")).toBe(7);
    const first = db
      .prepare(
        "SELECT subcategory, example_topic, substr(example_quote, 1, 22) AS q FROM codebook WHERE code = 'C1' ORDER BY id LIMIT 1",
      )
      .get();
    expect(first).toEqual({
      subcategory: 'Understanding Model Function',
      example_topic: 639,
      q: 'I recently raised an i',
    });
    // Categories with no subcategory keep one row with a NULL subcategory (C6 Specific Solution Need).
    expect(db.prepare("SELECT subcategory FROM codebook WHERE code = 'C6'").all()).toEqual([{ subcategory: null }]);
  });

  it('loads all 1,183 low-level codes of 455 distinct topics, ignoring the restarting index column', () => {
    // The issue text says 1,184; the file has 1,184 CSV records of which the first is the header.
    expect(count(db, 'SELECT count(*) n FROM codes')).toBe(1183);
    expect(count(db, 'SELECT count(DISTINCT topic_id) n FROM codes')).toBe(455);
    expect(count(db, 'SELECT count(*) n FROM topics')).toBe(455);
    expect(count(db, 'SELECT count(*) n FROM codes WHERE description IS NOT NULL')).toBeGreaterThan(300);
  });

  it('canonicalises forum-category spellings and keeps the raw value', () => {
    const cats = (
      db.prepare('SELECT DISTINCT forum_category AS c FROM topics ORDER BY c').all() as { c: string }[]
    ).map((r) => r.c);
    expect(cats).toContain('Beginners');
    expect(cats).not.toContain('beginners');
    expect(cats).toContain('Flax/JAX Projects');
    expect(cats).not.toContain('Flax/JAX projects');
    expect(cats).toContain('Amazon SageMaker');
    expect(cats).not.toContain('Amazon Sagemaker');
    expect(cats).toContain('Languages at Hugging Face');
    expect(count(db, "SELECT count(*) n FROM codes WHERE forum_category_raw = 'beginners'")).toBe(85);
    expect(
      count(
        db,
        "SELECT count(*) n FROM codes c JOIN topics t ON t.id = c.topic_id WHERE t.forum_category = 'Beginners'",
      ),
    ).toBe(380);
  });

  it('loads 72 root causes over 70 topics (T26596 and T31171 have two each), mapping every category label to Table I', () => {
    expect(count(db, 'SELECT count(*) n FROM root_causes')).toBe(72);
    expect(count(db, 'SELECT count(DISTINCT topic_id) n FROM root_causes')).toBe(70);
    expect(count(db, 'SELECT count(*) n FROM root_causes WHERE category_code IS NULL')).toBe(0);
    // Typos and variants: 'Training and Pipeline' -> C2, 'External Platforms and Librairies' -> C4, 'Uncategorized' -> C16.
    expect(
      count(
        db,
        "SELECT count(*) n FROM root_causes WHERE category_raw = 'External Platforms and Librairies' AND category_code = 'C4'",
      ),
    ).toBe(1);
    expect(
      count(db, "SELECT count(*) n FROM root_causes WHERE category_raw = 'Uncategorized' AND category_code = 'C16'"),
    ).toBe(1);
    expect(
      count(
        db,
        "SELECT count(*) n FROM root_causes WHERE category_raw LIKE 'Model Usage and Understanding %' AND category_code = 'C1'",
      ),
    ).toBe(3);
  });

  it('loads 147 forum model types with 7,620 mentions over 2020-07..2023-06', () => {
    expect(count(db, "SELECT count(*) n FROM model_types WHERE source = 'paper' AND in_forum = 1")).toBe(147);
    expect(count(db, "SELECT sum(mentions) n FROM forum_mentions WHERE source = 'paper'")).toBe(7620);
    expect(
      db.prepare("SELECT first_month, last_month, partial_last FROM series_windows WHERE series = 'forum'").get(),
    ).toEqual({ first_month: '2020-07', last_month: '2023-06', partial_last: 1 });
  });

  it('loads 171 Hub model types and 103,047 models, excluding the SUM row and summary columns', () => {
    expect(count(db, "SELECT count(*) n FROM model_types WHERE source = 'paper' AND in_hub = 1")).toBe(171);
    expect(count(db, "SELECT count(*) n FROM model_types WHERE name IN ('SUM', '')")).toBe(0);
    // 103,047 is the file's own SUM-row total of valid models (paper: 103,092 valid of 239,422).
    expect(count(db, "SELECT sum(uploads) n FROM hub_uploads WHERE source = 'paper'")).toBe(103047);
    expect(count(db, "SELECT sum(uploads) n FROM hub_uploads WHERE model_type = 'bert'")).toBe(23651);
    expect(db.prepare("SELECT first_month, last_month FROM series_windows WHERE series = 'hub'").get()).toEqual({
      first_month: '2017-09',
      last_month: '2023-06',
    });
  });

  it('loads 42 card months with their counts', () => {
    expect(count(db, 'SELECT count(*) n FROM card_stats')).toBe(42);
    expect(db.prepare("SELECT models, with_card FROM card_stats WHERE month = '2023-05'").get()).toEqual({
      models: 26095,
      with_card: 12803,
    });
  });

  it('records a content-derived version, source files with hashes, and the build time', () => {
    const version = (db.prepare("SELECT value FROM meta WHERE key = 'dataset_version'").get() as { value: string })
      .value;
    expect(version).toMatch(/^saner2024-[0-9a-f]{10}$/);
    expect(count(db, 'SELECT count(*) n FROM source_files WHERE length(sha256) = 64')).toBe(8);
    expect(db.prepare("SELECT value FROM meta WHERE key = 'built_at'").get()).toEqual({
      value: '2026-01-01T00:00:00.000Z',
    });
  });
});
