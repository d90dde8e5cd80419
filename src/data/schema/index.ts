import type Database from 'better-sqlite3';
import { datasetSchema } from './dataset.js';
import { codingSchema } from './coding.js';
import { miningSchema } from './mining.js';
import type { SchemaModule } from './types.js';
import { migrateSchema } from './migrations.js';

export type { SchemaModule } from './types.js';

/** Every schema module, in creation order. Add new modules here. */
export const schemaModules: readonly SchemaModule[] = [datasetSchema, codingSchema, miningSchema];

export { migrateSchema, SCHEMA_VERSION } from './migrations.js';

/**
 * Idempotent: all DDL uses IF NOT EXISTS, and the migrations skip a current database. A fresh
 * build passes `migrate: false` and migrates after carrying the old file's rows over.
 */
export function applySchema(db: Database.Database, opts: { migrate?: boolean } = {}): void {
  // A module's own in-place upgrade (new columns, a re-keyed table) runs before its DDL, whose
  // indexes may name the new columns; it is a no-op on a fresh file.
  for (const m of schemaModules) {
    m.migrate?.(db);
    db.exec(m.ddl);
  }
  if (opts.migrate !== false) migrateSchema(db);
}
