/**
 * Copies one table's rows between two schemas of one connection (main and an attached file),
 * column by column: only the columns both tables have, plus any `fill` expression (over the old
 * row) for a column the source lacks. Used by `hfbot ingest` to carry state into a new dataset,
 * and to move mined tables out of a dataset built before the mined file existed.
 */
import type Database from 'better-sqlite3';

export interface RowCopy {
  table: string;
  where?: string;
  fill?: Record<string, string>;
}

export function columnsOf(db: Database.Database, schema: string, table: string): string[] {
  return (db.prepare('SELECT name FROM pragma_table_info(?, ?)').all(table, schema) as { name: string }[]).map(
    (c) => c.name,
  );
}

/** Rows copied (0 when the source has no such table). `conflict` decides who wins a key held by both. */
export function copyRows(
  db: Database.Database,
  from: string,
  to: string,
  { table, where, fill }: RowCopy,
  conflict: 'REPLACE' | 'IGNORE',
): number {
  const oldCols = columnsOf(db, from, table);
  if (!oldCols.length) return 0;
  const newCols = new Set(columnsOf(db, to, table));
  const shared = oldCols.filter((c) => newCols.has(c));
  const filled = Object.entries(fill ?? {}).filter(([c]) => newCols.has(c) && !oldCols.includes(c));
  const cols = [...shared, ...filled.map(([c]) => c)].map((c) => `"${c}"`).join(', ');
  const values = [...shared.map((c) => `"${c}"`), ...filled.map(([, expr]) => expr)].join(', ');
  return db
    .prepare(
      `INSERT OR ${conflict} INTO ${to}."${table}" (${cols}) SELECT ${values} FROM ${from}."${table}"${where ? ` WHERE ${where}` : ''}`,
    )
    .run().changes;
}
