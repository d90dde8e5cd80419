import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { HfbotError } from '../errors.js';
import { applySchema } from './schema/index.js';
import { core } from '../messages/core.js';

export type Db = Database.Database;

export interface OpenOptions {
  readonly?: boolean;
  /** Create the file (and schema) when it does not exist; otherwise a missing file is an error. */
  create?: boolean;
}

/**
 * Opens the dataset. Rollback-journal mode (not WAL) on purpose: `hfbot ingest` replaces the
 * file by an atomic rename, and a stale -wal file beside a new database would be replayed into it.
 */
export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  if (file !== ':memory:' && !existsSync(file) && !opts.create) {
    throw new HfbotError('E_NO_DATABASE', core.noDatabase(file), { hint: core.noDatabaseHint });
  }
  const db = new Database(file, { readonly: opts.readonly ?? false, fileMustExist: !opts.create });
  db.pragma('busy_timeout = 5000');
  if (!opts.readonly) {
    db.pragma('foreign_keys = ON');
    applySchema(db);
  }
  return db;
}

export function getMeta(db: Db, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

export function setMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    key,
    value,
  );
}
