/**
 * The mined file (issue 17 item 4): forum topics and posts, Hub models, the miners' checkpoints,
 * the mention matches with their /verify decisions, and the mined series, in a SQLite file of
 * their own beside the dataset (`data/hfbot-mined.sqlite` for `data/hfbot.sqlite`). `hfbot ingest`
 * rebuilds the dataset without reading or copying any of it. A serving connection attaches it as
 * `mined`; the recompute worker opens it as its main database.
 *
 * It is in WAL mode (the dataset is not: the dataset is replaced by a rename, this file never is):
 * readers keep their snapshot while the miners or the recompute worker write, so a command never
 * waits for a refresh, and the worker's last commit is the moment every reader moves to the new
 * series at once.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { copyRows } from './copy-rows.js';
import { applySchema, modulesOf, schemaModules } from './schema/index.js';
import { SERIES_TABLES } from './schema/series-tables.js';

/** `data/hfbot.sqlite` -> `data/hfbot-mined.sqlite`. */
export function minedFileOf(datasetFile: string): string {
  if (datasetFile === ':memory:') return datasetFile;
  const ext = path.extname(datasetFile);
  return `${datasetFile.slice(0, datasetFile.length - ext.length)}-mined${ext || '.sqlite'}`;
}

/** Changes whenever a mined module's DDL does, so an up-to-date file is not re-checked on every open. */
const FINGERPRINT =
  createHash('sha256')
    .update(
      modulesOf('mined')
        .map((m) => m.ddl)
        .join('\n'),
    )
    .digest()
    .readUInt32BE(0) & 0x7fffffff;

function prepareConnection(db: Database.Database): void {
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  // A REPLACE that deletes a row fires its delete triggers too, so the running counts stay right.
  db.pragma('recursive_triggers = ON');
}

/** Opens (creating if needed) the mined file as a connection's main database: the worker's view. */
export function openMined(file: string): Database.Database {
  const db = new Database(file);
  prepareConnection(db);
  if (file !== ':memory:') db.pragma('journal_mode = WAL');
  if (db.pragma('user_version', { simple: true }) !== FINGERPRINT) {
    applySchema(db, 'mined');
    db.pragma(`user_version = ${FINGERPRINT}`);
  }
  return db;
}

/** Tables of the mined modules that a dataset built before the mined file may still hold. */
const legacyTables = () => schemaModules.filter((m) => m.file === 'mined').flatMap((m) => m.carryOver);

function tableIn(db: Database.Database, schema: string, table: string): boolean {
  return db.prepare(`SELECT 1 FROM ${schema}.sqlite_master WHERE type = 'table' AND name = ?`).get(table) !== undefined;
}

/**
 * Moves mined rows out of an old single-file dataset into the attached mined file, in one
 * transaction: tables the dataset no longer has are dropped, series rows other than the paper's
 * deleted. A key already in the mined file wins. Run on open, so a server, `hfbot ingest` or a
 * miner that meets an old dataset first does it, once.
 */
function moveLegacyRows(db: Database.Database): Record<string, number> {
  const moved: Record<string, number> = {};
  const shared = new Set<string>(SERIES_TABLES);
  const pending = legacyTables().filter(
    (c) =>
      tableIn(db, 'main', c.table) &&
      (!shared.has(c.table) ||
        db.prepare(`SELECT 1 FROM main."${c.table}"${c.where ? ` WHERE ${c.where}` : ''} LIMIT 1`).get()),
  );
  if (!pending.length) return moved;
  db.transaction(() => {
    for (const c of pending) {
      moved[c.table] = copyRows(db, 'main', 'mined', c, 'IGNORE');
      if (shared.has(c.table)) db.prepare(`DELETE FROM main."${c.table}"${c.where ? ` WHERE ${c.where}` : ''}`).run();
      else db.exec(`DROP TABLE main."${c.table}"`);
    }
  })();
  return moved;
}

/**
 * The view that reads a series table of both files as one, and INSTEAD OF triggers that send a
 * write through it to the file its row belongs in (the paper's rows to the dataset, every other
 * source to the mined file): code and tests can write `INSERT INTO forum_mentions VALUES ('mined', ...)`
 * as before. TEMP triggers may name tables of attached files (https://sqlite.org/lang_createtrigger.html).
 * A write through the view reports 0 changes; code that needs the count writes `main.` or `mined.` itself.
 */
function seriesViewSql(db: Database.Database, table: string): string {
  const cols = (db.prepare('SELECT name FROM pragma_table_info(?, ?)').all(table, 'main') as { name: string }[]).map(
    (c) => `"${c.name}"`,
  );
  const list = cols.join(', ');
  const isOld = cols.map((c) => `${c} IS old.${c}`).join(' AND ');
  const route = (schema: string, row: 'new' | 'old') => `${row}.source ${schema === 'main' ? 'IS' : 'IS NOT'} 'paper'`;
  const perFile = (body: (schema: string) => string) => ['main', 'mined'].map(body).join('\n');
  return `
CREATE TEMP VIEW IF NOT EXISTS "${table}" AS SELECT ${list} FROM main."${table}" UNION ALL SELECT ${list} FROM mined."${table}";
CREATE TEMP TRIGGER IF NOT EXISTS "${table}_insert" INSTEAD OF INSERT ON "${table}" BEGIN
${perFile((f) => `  INSERT INTO ${f}."${table}" (${list}) SELECT ${cols.map((c) => `new.${c}`).join(', ')} WHERE ${route(f, 'new')};`)}
END;
CREATE TEMP TRIGGER IF NOT EXISTS "${table}_delete" INSTEAD OF DELETE ON "${table}" BEGIN
${perFile((f) => `  DELETE FROM ${f}."${table}" WHERE ${route(f, 'old')} AND ${isOld};`)}
END;
CREATE TEMP TRIGGER IF NOT EXISTS "${table}_update" INSTEAD OF UPDATE ON "${table}" BEGIN
${perFile((f) => `  UPDATE ${f}."${table}" SET ${cols.map((c) => `${c} = new.${c}`).join(', ')} WHERE ${route(f, 'old')} AND ${isOld};`)}
END;`;
}

export interface AttachResult {
  attached: boolean;
  moved: Record<string, number>;
}

/**
 * Attaches the mined file to a dataset connection as `mined` and makes the series tables read as
 * one (paper rows from the dataset, mined rows from the mined file) through temporary views that
 * shadow the tables of the same name for this connection only (`seriesViewSql`). Read-only:
 * attached if it exists.
 */
export function attachMined(db: Database.Database, file: string, opts: { readonly?: boolean } = {}): AttachResult {
  const exists = existsSync(file);
  if (opts.readonly && !exists) return { attached: false, moved: {} };
  // Schema work goes through a connection of its own, where the DDL's unqualified names mean the
  // mined file (and a dataset opened without create cannot ATTACH a missing file).
  if (!opts.readonly && !exists) openMined(file).close();
  db.prepare('ATTACH DATABASE ? AS mined').run(file);
  db.pragma('recursive_triggers = ON');
  if (!opts.readonly && exists && db.pragma('mined.user_version', { simple: true }) !== FINGERPRINT)
    openMined(file).close();
  const moved = opts.readonly ? {} : moveLegacyRows(db);
  for (const table of SERIES_TABLES) db.exec(seriesViewSql(db, table));
  return { attached: true, moved };
}

/** The schema that holds the mined series on this connection: `mined` when attached, else main. */
export function minedSchema(db: Database.Database): 'mined' | 'main' {
  return db.prepare("SELECT 1 FROM pragma_database_list WHERE name = 'mined'").get() ? 'mined' : 'main';
}

/** The file behind the mined series on this connection. */
export function minedFileBehind(db: Database.Database): string {
  const row = db.prepare('SELECT file FROM pragma_database_list WHERE name = ?').get(minedSchema(db)) as {
    file: string;
  };
  return row.file || ':memory:';
}
