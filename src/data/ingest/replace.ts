/**
 * Puts a freshly built dataset into the file a running bot may be using (issue 14 item 1), in
 * place, in one transaction on that file: the package's tables are emptied and refilled from the
 * new build, the state tables (coding rounds, labels, round categories) are not touched at all.
 *
 * Not a rename over the old file. A rename leaves every open connection on the old, unlinked
 * file while a new file takes its name, and with it the name of the rollback journal: before it
 * reads, SQLite looks for a hot journal beside its database by name (https://sqlite.org/lockingv3.html,
 * 4.1), so a connection on the old file can take the new file's live journal for its own and roll
 * it back. The SQLite authors list it as a way to corrupt a database (https://sqlite.org/howtocorrupt.html,
 * "Unlinking or renaming a database file while in use"); a test here saw "disk I/O error" from it.
 * In place, the file every process has open stays the file: writers queue behind the write lock
 * (BEGIN IMMEDIATE, so a label is committed before the rebuild starts or after it ends), readers
 * see the old tables until the commit and the new ones after it, and nobody needs to reopen.
 */
import Database from 'better-sqlite3';
import { columnsOf, copyRows } from '../copy-rows.js';
import { modulesOf } from '../schema/index.js';

/** How long ingest waits for a write in progress (a label takes milliseconds) before giving up. */
const LOCK_WAIT_MS = 30_000;

/** State rows per main-module table: undefined = the whole table is state, else the WHERE of its state rows. */
function stateTables(): Map<string, string | undefined> {
  return new Map(modulesOf('main').flatMap((m) => m.carryOver.map((c) => [c.table, c.where] as const)));
}

const sameColumns = (db: Database.Database, table: string) =>
  columnsOf(db, 'main', table).join() === columnsOf(db, 'fresh', table).join();

/**
 * Replaces the package's rows of `target` by those of `fresh` (a database built with the same
 * schema), in one IMMEDIATE transaction. Returns the state rows kept, per table.
 */
export function replaceInPlace(target: string, fresh: string): Record<string, number> {
  const db = new Database(target, { fileMustExist: true });
  db.pragma(`busy_timeout = ${LOCK_WAIT_MS}`);
  // Paper tables are emptied before they are refilled; state rows refer to them meanwhile.
  db.pragma('foreign_keys = OFF');
  db.prepare('ATTACH DATABASE ? AS fresh').run(fresh);
  const kept: Record<string, number> = {};
  try {
    const state = stateTables();
    const tables = db
      .prepare("SELECT name, sql FROM fresh.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all() as { name: string; sql: string }[];
    db.transaction(() => {
      for (const { name, sql } of tables) {
        const count = (where?: string) =>
          db
            .prepare(`SELECT count(*) FROM main."${name}"${where ? ` WHERE ${where}` : ''}`)
            .pluck()
            .get() as number;
        if (state.has(name) && state.get(name) === undefined) {
          kept[name] = count();
          continue;
        }
        const where = state.get(name);
        if (where) {
          // Mixed: keep the state rows, replace the package's.
          db.prepare(`DELETE FROM main."${name}" WHERE NOT (${where})`).run();
          copyRows(db, 'fresh', 'main', { table: name }, 'REPLACE');
          kept[name] = count(where);
          continue;
        }
        if (sameColumns(db, name)) {
          db.prepare(`DELETE FROM main."${name}"`).run();
        } else {
          // A table whose shape changed since the file was built: take the new shape and indexes.
          db.exec(`DROP TABLE IF EXISTS main."${name}"`);
          db.exec(sql);
          for (const i of db
            .prepare("SELECT sql FROM fresh.sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL")
            .pluck()
            .all(name) as string[])
            db.exec(i);
        }
        db.prepare(`INSERT INTO main."${name}" SELECT * FROM fresh."${name}"`).run();
      }
    }).immediate();
  } finally {
    db.prepare('DETACH DATABASE fresh').run();
    db.close();
  }
  return kept;
}
