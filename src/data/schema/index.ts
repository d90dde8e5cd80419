import type Database from 'better-sqlite3';
import { datasetSchema } from './dataset.js';
import { codingSchema } from './coding.js';
import { miningSchema } from './mining.js';
import { minedSeriesSchema } from './mined-series.js';
import type { SchemaFile, SchemaModule } from './types.js';

export type { SchemaFile, SchemaModule } from './types.js';

/** Every schema module, in creation order. Add new modules here. */
export const schemaModules: readonly SchemaModule[] = [datasetSchema, codingSchema, miningSchema, minedSeriesSchema];

/**
 * Creates one file's tables ('all': every module in one database, for ':memory:'). Idempotent: all
 * DDL uses IF NOT EXISTS, and each migration checks what it changes.
 */
export function applySchema(db: Database.Database, file: SchemaFile | 'all'): void {
  for (const m of schemaModules) {
    if (file !== 'all' && m.file !== file) continue;
    m.migrate?.(db);
    db.exec(m.ddl);
  }
}

export function modulesOf(file: SchemaFile): SchemaModule[] {
  return schemaModules.filter((m) => m.file === file);
}
