import type Database from 'better-sqlite3';
import { datasetSchema } from './dataset.js';
import { codingSchema } from './coding.js';
import { miningSchema } from './mining.js';
import { minedSeriesSchema } from './mined-series.js';
import type { SchemaFile, SchemaModule } from './types.js';
import { migrateSchema } from './migrations.js';

export type { SchemaFile, SchemaModule } from './types.js';

/** Every schema module, in creation order. Add new modules here. */
export const schemaModules: readonly SchemaModule[] = [datasetSchema, codingSchema, miningSchema, minedSeriesSchema];

export { migrateSchema, SCHEMA_VERSION } from './migrations.js';

/**
 * Creates one file's tables ('all': every module in one database, for ':memory:'). Idempotent: all
 * DDL uses IF NOT EXISTS, and each migration checks what it changes. The dataset's versioned
 * migrations (migrations.ts, the coding tables) run after its DDL; `migrate: false` skips them.
 */
export function applySchema(db: Database.Database, file: SchemaFile | 'all', opts: { migrate?: boolean } = {}): void {
  for (const m of schemaModules) {
    if (file !== 'all' && m.file !== file) continue;
    m.migrate?.(db);
    db.exec(m.ddl);
  }
  if (file !== 'mined' && opts.migrate !== false) migrateSchema(db);
}

export function modulesOf(file: SchemaFile): SchemaModule[] {
  return schemaModules.filter((m) => m.file === file);
}
