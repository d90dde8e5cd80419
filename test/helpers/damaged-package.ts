/**
 * Damaged copies of the real replication package for refusal tests: each copy lives in a fresh
 * temporary directory (never in the repository), one file is changed, ingest runs over a good
 * database, and the test checks the refusal and that the database file hashes the same.
 */
import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { buildDataset } from '../../src/data/ingest/build.js';
import { HfbotError } from '../../src/errors.js';
import { silentLogger } from '../../src/logger.js';
import { tempDir } from './dataset.js';
import { REPLICATION } from './paths.js';

export type Damage = (dir: string) => void;

export const FORUM = 'Forums_Model_Mentions_Over_Time.csv';
export const HUB = 'Hub_Model_Types_Over_Time_Created.csv';
export const CARDS = 'card_data_stats_months_created.csv';

/** Rewrites a file's text (read and written as UTF-8). */
export const editText =
  (file: string, change: (text: string) => string): Damage =>
  (dir) => {
    const p = path.join(dir, file);
    writeFileSync(p, change(readFileSync(p, 'utf8')));
  };

/** Rewrites a file's bytes, for damage that is not UTF-8 text. */
export const editBytes =
  (file: string, change: (bytes: Buffer) => Buffer): Damage =>
  (dir) => {
    const p = path.join(dir, file);
    writeFileSync(p, change(readFileSync(p)));
  };

/** Keeps only the header line (with its line end, as a spreadsheet would save it). */
export const headerOnly = (file: string): Damage => editText(file, (t) => t.slice(0, t.search(/\r?\n/) + 1));

/** Inserts `line` before line number `at` (1-based) of a file whose lines end with `eol`. */
export const insertLine = (file: string, at: number, line: string, eol = '\r\n'): Damage =>
  editText(file, (t) => {
    const lines = t.split(eol);
    lines.splice(at - 1, 0, line);
    return lines.join(eol);
  });

export const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A good database built from the untouched package, and its hash. */
export async function goodDatabase(): Promise<{ dbFile: string; hash: string }> {
  const dbFile = path.join(tempDir(), 'hfbot.sqlite');
  await buildDataset({ sourceDir: REPLICATION, sourceKind: 'flag', dbFile, logger: silentLogger });
  return { dbFile, hash: sha256(dbFile) };
}

/** A scratch copy of the package with `damage` applied. */
export function damagedPackage(damage: Damage): string {
  const dir = path.join(tempDir('hfbot-pkg-'), 'pkg');
  cpSync(REPLICATION, dir, { recursive: true });
  damage(dir);
  return dir;
}

/**
 * Runs ingest over `db` from a package with `damage` and returns the refusal, having checked
 * that it is a user-facing ingest error with the standing hint, that the database file is
 * byte-identical (same SHA-256) and that no temporary file is left beside it.
 */
export async function refusal(db: { dbFile: string; hash: string }, damage: Damage): Promise<HfbotError> {
  const dir = damagedPackage(damage);
  const err = await buildDataset({ sourceDir: dir, sourceKind: 'flag', dbFile: db.dbFile, logger: silentLogger }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(HfbotError);
  const e = err as HfbotError;
  expect(e.code).toBe('E_INGEST');
  expect(e.hint).toMatch(/^The existing database was left unchanged\. Fix the file, or restore it/);
  expect(sha256(db.dbFile)).toBe(db.hash);
  expect(readdirSync(path.dirname(db.dbFile)).filter((f) => f.includes('.tmp-'))).toEqual([]);
  return e;
}
