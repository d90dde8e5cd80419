/**
 * Brings a database mined by an earlier version up to the current mining tables in place, before
 * the DDL runs: new columns are added (NULL until the next run fills them) and hub_models, which
 * was keyed by repo name, is rebuilt keyed by hub_id with 'name:<id>' for the rows it has. Nothing
 * mined is dropped; the next Hub run replaces each name key with the model's real _id.
 */
import type Database from 'better-sqlite3';

const ADDED: Record<string, [string, string][]> = {
  forum_topics: [
    ['seen_run', 'TEXT'],
    ['prev_posts_count', 'INTEGER'],
    ['pending', 'INTEGER NOT NULL DEFAULT 0'],
  ],
  forum_posts: [
    ['updated_at', 'TEXT'],
    ['version', 'INTEGER'],
  ],
  forum_checkpoint: [
    ['max_post_id', 'INTEGER'],
    ['run_mode', 'TEXT'],
    ['run_phase', 'TEXT'],
    ['run_before', 'INTEGER'],
    ['run_max_post_id', 'INTEGER'],
    ['run_posts_api', 'INTEGER'],
    ['run_partial', 'TEXT'],
  ],
  hub_checkpoint: [
    ['run_full', 'INTEGER'],
    ['run_partial', 'TEXT'],
  ],
};

function columns(db: Database.Database, table: string): Set<string> {
  return new Set(
    (db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map((c) => c.name),
  );
}

export function migrateMining(db: Database.Database): void {
  for (const [table, cols] of Object.entries(ADDED)) {
    const have = columns(db, table);
    if (!have.size) continue;
    for (const [name, type] of cols) if (!have.has(name)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${name} ${type}`);
  }
  const hub = columns(db, 'hub_models');
  if (hub.size && !hub.has('hub_id')) {
    db.transaction(() => {
      db.exec(`CREATE TABLE hub_models_keyed (
        hub_id TEXT PRIMARY KEY NOT NULL, id TEXT NOT NULL, author TEXT, created_month TEXT, model_type TEXT,
        has_card INTEGER NOT NULL, pipeline_tag TEXT, library TEXT, seen_run INTEGER);
        INSERT INTO hub_models_keyed (hub_id, id, author, created_month, model_type, has_card, pipeline_tag, library)
          SELECT 'name:' || id, id, author, created_month, model_type, has_card, pipeline_tag, library FROM hub_models;
        DROP TABLE hub_models;
        ALTER TABLE hub_models_keyed RENAME TO hub_models;`);
    })();
  }
}
