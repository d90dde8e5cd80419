/**
 * Key-value state of the mined file (`mined_meta`): the mention scan's mark and the like. It lives
 * in the mined file, not in the dataset's `meta`, so `hfbot ingest` does not reset it and the
 * recompute worker, which opens only the mined file, reads the same value as the server.
 */
import type { Db } from './db.js';

export function getMinedMeta(db: Db, key: string): string | undefined {
  return db.prepare('SELECT value FROM mined_meta WHERE key = ?').pluck().get(key) as string | undefined;
}

export function setMinedMeta(db: Db, key: string, value: string): void {
  db.prepare(
    'INSERT INTO mined_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}
