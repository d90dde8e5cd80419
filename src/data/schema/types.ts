import type Database from 'better-sqlite3';

/** Which SQLite file a module's tables live in: the dataset `hfbot ingest` rebuilds, or the mined file beside it. */
export type SchemaFile = 'main' | 'mined';

/**
 * A schema module owns some tables in one file. `carryOver` names the rows that are state rather
 * than package data: for a 'main' module, `hfbot ingest` copies them from the old dataset into the
 * freshly built one; for a 'mined' module, they are what moves out of a dataset built before the
 * mined file existed (the mined file itself is never rebuilt). `fill` gives an SQL expression (over
 * the old row) for a column the old table lacks; `migrate` upgrades an older file in place before
 * the DDL runs.
 */
export interface SchemaModule {
  name: string;
  file: SchemaFile;
  ddl: string;
  carryOver: { table: string; where?: string; fill?: Record<string, string> }[];
  migrate?: (db: Database.Database) => void;
}
