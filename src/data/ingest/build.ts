/**
 * Builds the dataset into a temporary file and renames it over the target: readers see the
 * old database or the new one, never a half-built one, and any failure leaves the old one
 * byte-identical. State rows (coding rounds, mined data) are carried over from the old file.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from '../../logger.js';
import { applySchema, migrateSchema, schemaModules } from '../schema/index.js';
import { HfbotError, isHfbotError } from '../../errors.js';
import { msg } from '../../messages/index.js';
import { readOverview } from './overview.js';
import { readCodebook } from './codebook.js';
import { readCodes } from './codes.js';
import { readRootCauses } from './root-causes.js';
import { readForumSeries } from './series.js';
import { readHubSeries } from './hub.js';
import { readCardStats } from './cards.js';
import { checkRootCauseTopics, checkSharedTypes } from './checks.js';
import { readPackageFiles, type PackageFile } from './files.js';
import { REPLICATION_FILES, type SourceKind } from './sources.js';
import { writeDataset, type ParsedPackage } from './write.js';

export interface BuildOptions {
  sourceDir: string;
  sourceKind: SourceKind;
  dbFile: string;
  logger: Logger;
  now?: () => Date;
}

export interface BuildResult {
  version: string;
  file: string;
  ms: number;
  carriedOver: Record<string, number>;
}

/**
 * Reads and checks the whole package before anything is written: a refusal anywhere leaves
 * the existing database untouched (the build only ever renames a finished file over it).
 */
export async function parsePackage(dir: string): Promise<ParsedPackage> {
  const files = readPackageFiles(dir);
  const overview = await guard(files['Codebook.xlsx'], () => readOverview(files['Codebook.xlsx']));
  const challengeNames = overview.filter((o) => o.kind === 'challenge').map((o) => o.category);
  const read = <T>(f: PackageFile, reader: (f: PackageFile) => T): T => guardSync(f, () => reader(f));
  const codes = read(files['All_Codes.csv'], readCodes);
  const rootCauses = read(files['Root_Causes.csv'], (f) => readRootCauses(f, challengeNames));
  checkRootCauseTopics(codes, rootCauses, 'Root_Causes.csv');
  const forum = read(files['Forums_Model_Mentions_Over_Time.csv'], readForumSeries);
  const hub = read(files['Hub_Model_Types_Over_Time_Created.csv'], readHubSeries);
  checkSharedTypes(forum, hub, 'Hub_Model_Types_Over_Time_Created.csv');
  return {
    overview,
    codebook: [
      ...read(files['Challenges.csv'], (f) => readCodebook(f, 'challenge', overview)),
      ...read(files['Benefits.csv'], (f) => readCodebook(f, 'benefit', overview)),
    ],
    codes,
    rootCauses,
    forum,
    hub,
    cards: read(files['card_data_stats_months_created.csv'], readCardStats),
    files: REPLICATION_FILES.map((name) => ({ name, sha256: files[name].sha256, bytes: files[name].bytes.length })),
  };
}

/** A reader's own bug still names the file it was reading (issue 14: a bare TypeError did not). */
function wrap(f: PackageFile, err: unknown): never {
  if (isHfbotError(err)) throw err;
  throw new HfbotError('E_INTERNAL', msg.ingest.at({ file: f.name }, msg.ingest.unreadable(String(err))), {
    hint: msg.ingest.hint,
    cause: err,
  });
}

function guardSync<T>(f: PackageFile, run: () => T): T {
  try {
    return run();
  } catch (err) {
    return wrap(f, err);
  }
}

async function guard<T>(f: PackageFile, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    return wrap(f, err);
  }
}

/** Content-derived: the same package always gives the same version id. */
export function versionOf(files: { name: string; sha256: string }[]): string {
  const h = createHash('sha256');
  for (const file of [...files].sort((a, b) => a.name.localeCompare(b.name))) h.update(`${file.name}:${file.sha256}\n`);
  return `saner2024-${h.digest('hex').slice(0, 10)}`;
}

export async function buildDataset(o: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const pkg = await parsePackage(o.sourceDir);
  const version = versionOf(pkg.files);
  const target = path.resolve(o.dbFile);
  mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.tmp-${process.pid}-${Date.now()}`;
  let db: Database.Database | undefined;
  try {
    db = new Database(tmp);
    db.pragma('journal_mode = DELETE');
    applySchema(db, { migrate: false });
    const builtAt = (o.now ?? (() => new Date()))().toISOString();
    db.transaction(() =>
      writeDataset(db!, pkg, { version, builtAt, sourceDir: o.sourceDir, sourceKind: o.sourceKind }),
    )();
    const carriedOver = existsSync(target) ? carryOver(db, target) : {};
    // After the carry-over: rows from a file written by an older version are migrated too.
    migrateSchema(db);
    db.close();
    db = undefined;
    renameSync(tmp, target);
    const ms = Math.round(performance.now() - started);
    o.logger.info('dataset built', { version, file: target, ms, carriedOver });
    return { version, file: target, ms, carriedOver };
  } catch (err) {
    db?.close();
    rmSync(tmp, { force: true });
    rmSync(`${tmp}-journal`, { force: true });
    throw err;
  }
}

/** Copies state rows from the previous database, column by column, in one transaction. */
function carryOver(db: Database.Database, oldFile: string): Record<string, number> {
  const counts: Record<string, number> = {};
  db.prepare('ATTACH DATABASE ? AS old').run(oldFile);
  try {
    db.transaction(() => {
      for (const m of schemaModules) {
        for (const { table, where, fill } of m.carryOver) {
          const oldCols =
            // The schema goes in the second argument: old.pragma_table_info(t) would read main's table.
            (db.prepare(`SELECT name FROM pragma_table_info(?, 'old')`).all(table) as { name: string }[]).map(
              (c) => c.name,
            );
          if (!oldCols.length) continue;
          const newCols = new Set(
            (db.prepare(`SELECT name FROM pragma_table_info(?, 'main')`).all(table) as { name: string }[]).map(
              (c) => c.name,
            ),
          );
          const shared = oldCols.filter((c) => newCols.has(c));
          // A column the old table lacks is computed from the old row when the schema says how.
          const filled = Object.entries(fill ?? {}).filter(([c]) => newCols.has(c) && !oldCols.includes(c));
          const cols = [...shared, ...filled.map(([c]) => c)].map((c) => `"${c}"`).join(', ');
          const values = [...shared.map((c) => `"${c}"`), ...filled.map(([, expr]) => expr)].join(', ');
          const info = db
            .prepare(
              `INSERT OR REPLACE INTO main."${table}" (${cols}) SELECT ${values} FROM old."${table}"${where ? ` WHERE ${where}` : ''}`,
            )
            .run();
          counts[table] = (counts[table] ?? 0) + info.changes;
        }
      }
    })();
  } finally {
    db.prepare('DETACH DATABASE old').run();
  }
  return counts;
}
