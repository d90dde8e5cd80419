import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { buildDataset } from '../../../src/data/ingest/build.js';
import { openDatabase } from '../../../src/data/db.js';
import { silentLogger } from '../../../src/logger.js';
import { REPLICATION } from '../../helpers/paths.js';
import { tempDir } from '../../helpers/dataset.js';

const dump = (file: string) => {
  const db = openDatabase(file, { readonly: true });
  const tables = [
    'taxonomy',
    'codebook',
    'topics',
    'codes',
    'root_causes',
    'topic_categories',
    'forum_mentions',
    'hub_uploads',
    'card_stats',
    'model_types',
  ];
  const out = Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2, 3`).all()]));
  db.close();
  return out;
};

describe('data/ingest/build (idempotence and carry-over)', () => {
  it('gives the same version and the same rows when run twice, quickly', async () => {
    const dbFile = path.join(tempDir(), 'hfbot.sqlite');
    const a = await buildDataset({ sourceDir: REPLICATION, sourceKind: 'flag', dbFile, logger: silentLogger });
    const first = dump(dbFile);
    const b = await buildDataset({ sourceDir: REPLICATION, sourceKind: 'flag', dbFile, logger: silentLogger });
    expect(b.version).toBe(a.version);
    expect(dump(dbFile)).toEqual(first);
    // The issue asks for well under 5 s; this is a loose guard, the benchmark gives figures.
    expect(b.ms).toBeLessThan(5000);
  });

  it('keeps state rows across a rebuild: coding-round categories carried over, mined series untouched in their file', async () => {
    const dbFile = path.join(tempDir(), 'hfbot.sqlite');
    await buildDataset({ sourceDir: REPLICATION, sourceKind: 'flag', dbFile, logger: silentLogger });
    const db = openDatabase(dbFile);
    db.prepare(
      "INSERT INTO mined.forum_mentions (source, model_type, month, mentions) VALUES ('mined', 'llama', '2024-01', 42)",
    ).run();
    db.prepare(
      "INSERT INTO topic_categories (topic_id, code, source, forum_category) VALUES (639, 'C1', 'round:1', 'Beginners')",
    ).run();
    db.close();
    const result = await buildDataset({ sourceDir: REPLICATION, sourceKind: 'flag', dbFile, logger: silentLogger });
    expect(result.carriedOver).toMatchObject({ topic_categories: 1, labels: 0 });
    expect(result.carriedOver).not.toHaveProperty('forum_mentions');
    const after = openDatabase(dbFile, { readonly: true });
    expect(after.prepare("SELECT mentions FROM forum_mentions WHERE source = 'mined'").all()).toEqual([
      { mentions: 42 },
    ]);
    expect(after.prepare("SELECT count(*) AS n FROM topic_categories WHERE source = 'round:1'").get()).toEqual({
      n: 1,
    });
    // Paper rows are rebuilt, not duplicated.
    expect(after.prepare("SELECT sum(mentions) AS n FROM forum_mentions WHERE source = 'paper'").get()).toEqual({
      n: 7620,
    });
    after.close();
  });
});
