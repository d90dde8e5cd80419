/**
 * Changes to databases written by earlier versions, tracked by PRAGMA user_version. Each step is
 * idempotent, so it can also run over rows that `hfbot ingest` carries over from an old file.
 *
 * Version 1 (issue 11):
 * - rounds.purpose is added; existing rounds read as study rounds, which is what they were.
 * - People are stored as namespaced references (src/identity.ts). An old unprefixed id is read
 *   by its shape: a Slack user id (U0AAA1) becomes slack:U0AAA1, a Discord snowflake becomes
 *   discord:<id>, anything else was a typed name (web chat or CLI) and becomes web:<name>.
 * - Round labels feed topic categories only from study rounds with two raters or more, so every
 *   round's topic_categories rows are recomputed (a one-rater round's rows go away).
 */
import type Database from 'better-sqlite3';
import { legacyRef, parseRef } from '../../identity.js';
import { resyncRound } from '../coding/consensus.js';

export const SCHEMA_VERSION = 1;

/** Columns that hold a person. */
const PEOPLE: readonly [table: string, column: string][] = [
  ['rounds', 'owner'],
  ['round_raters', 'rater'],
  ['labels', 'rater'],
  ['label_skips', 'rater'],
  ['resolutions', 'resolved_by'],
  ['mention_matches', 'decided_by'],
];

const columnsOf = (db: Database.Database, table: string) =>
  new Set((db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map((c) => c.name));

export const namespacedRef = (value: string): string =>
  parseRef(value) ? value : (legacyRef(value) ?? `web:${value}`);

function namespacePeople(db: Database.Database): void {
  for (const [table, column] of PEOPLE) {
    if (!columnsOf(db, table).has(column)) continue;
    const values = (
      db.prepare(`SELECT DISTINCT "${column}" AS v FROM "${table}" WHERE "${column}" IS NOT NULL`).all() as {
        v: string;
      }[]
    ).map((r) => r.v);
    const update = db.prepare(`UPDATE "${table}" SET "${column}" = ? WHERE "${column}" = ?`);
    for (const v of values) {
      const ref = namespacedRef(v);
      if (ref !== v) update.run(ref, v);
    }
  }
}

/** Brings the coding tables up to SCHEMA_VERSION; a no-op on a current database. */
export function migrateSchema(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version >= SCHEMA_VERSION) return;
  db.transaction(() => {
    if (!columnsOf(db, 'rounds').has('purpose'))
      db.exec(
        "ALTER TABLE rounds ADD COLUMN purpose TEXT NOT NULL DEFAULT 'study' CHECK (purpose IN ('study', 'practice'))",
      );
    namespacePeople(db);
    for (const { id } of db.prepare('SELECT id FROM rounds').all() as { id: number }[]) resyncRound(db, id);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}
