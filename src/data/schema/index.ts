import type Database from 'better-sqlite3';
import { datasetSchema } from './dataset.js';
import { codingSchema } from './coding.js';
import { miningSchema } from './mining.js';
import type { SchemaModule } from './types.js';

export type { SchemaModule } from './types.js';

/** Every schema module, in creation order. Add new modules here. */
export const schemaModules: readonly SchemaModule[] = [datasetSchema, codingSchema, miningSchema];

/** Idempotent: all DDL uses IF NOT EXISTS, and each migration checks what it changes. */
export function applySchema(db: Database.Database): void {
  for (const m of schemaModules) {
    m.migrate?.(db);
    db.exec(m.ddl);
  }
}
