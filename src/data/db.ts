import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { HfbotError } from '../errors.js';
import { applySchema } from './schema/index.js';
import { attachMined, minedFileOf } from './mined-file.js';
import { core } from '../messages/core.js';

export type Db = Database.Database;

export interface OpenOptions {
  readonly?: boolean;
  /** Create the file (and schema) when it does not exist; otherwise a missing file is an error. */
  create?: boolean;
  /** The mined file to attach; default beside the dataset (`minedFileOf`). */
  minedFile?: string;
}

/**
 * Opens the dataset with the mined file attached (`src/data/mined-file.ts`). Both are in WAL mode:
 * readers never wait for a writer nor a writer for readers, and a writer's commit costs one sync.
 * That is safe because the dataset file is never replaced while in use: `hfbot ingest` rewrites
 * it in place, in one transaction (`ingest/replace.ts`). ':memory:' holds every table in one
 * database (tests).
 */
export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  if (file !== ':memory:' && !existsSync(file) && !opts.create) {
    throw new HfbotError('E_NO_DATABASE', core.noDatabase(file), { hint: core.noDatabaseHint });
  }
  const db = new Database(file, { readonly: opts.readonly ?? false, fileMustExist: !opts.create });
  db.pragma('busy_timeout = 5000');
  if (!opts.readonly) db.pragma('foreign_keys = ON');
  if (file === ':memory:') {
    db.pragma('recursive_triggers = ON');
    if (!opts.readonly) applySchema(db, 'all');
    return db;
  }
  if (!opts.readonly) {
    db.pragma('journal_mode = WAL');
    applySchema(db, 'main');
  }
  attachMined(db, opts.minedFile ?? minedFileOf(file), { readonly: opts.readonly });
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
