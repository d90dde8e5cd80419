import type Database from 'better-sqlite3';

/**
 * A schema module owns some tables. `carryOver` names the rows that are state (coding
 * rounds, mined data) rather than the replication package: `hfbot ingest` copies them
 * from the old database into the freshly built one, so a rebuild never loses them.
 * `fill` gives an SQL expression (over the old row) for a column the old table lacks;
 * `migrate` upgrades an older database in place before the DDL runs.
 */
export interface SchemaModule {
  name: string;
  ddl: string;
  carryOver: { table: string; where?: string; fill?: Record<string, string> }[];
  migrate?: (db: Database.Database) => void;
}
