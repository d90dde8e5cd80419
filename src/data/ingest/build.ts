/**
 * Builds the dataset into a temporary file, then puts it into the existing dataset in one
 * transaction (`replace.ts`; renamed into place only when there is none yet): readers see the
 * old tables or the new ones, never a half-built one, a running bot keeps its connection, and any
 * failure leaves the old file byte-identical. State rows (coding rounds) stay where they are; the
 * mined file beside it is neither read nor copied.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from '../../logger.js';
import { applySchema } from '../schema/index.js';
import { openDatabase } from '../db.js';
import { replaceInPlace } from './replace.js';
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
    // A dataset built before the mined file existed gives its mined tables to the mined file first.
    const exists = existsSync(target);
    if (exists) openDatabase(target).close();
    db = new Database(tmp);
    // Migrated too (an empty file is marked current): a first build is renamed into place as it is.
    applySchema(db, 'main');
    const builtAt = (o.now ?? (() => new Date()))().toISOString();
    db.transaction(() =>
      writeDataset(db!, pkg, { version, builtAt, sourceDir: o.sourceDir, sourceKind: o.sourceKind }),
    )();
    // Set while nothing else has the file, so a first build is renamed into place already in WAL mode.
    if (!exists) db.pragma('journal_mode = WAL');
    db.close();
    db = undefined;
    let carriedOver: Record<string, number> = {};
    if (exists) {
      carriedOver = replaceInPlace(target, tmp);
      rmSync(tmp, { force: true });
    } else {
      // With no dataset there, a -wal or -shm left at its name belongs to no file: never let it meet this one.
      for (const ext of ['-wal', '-shm', '-journal']) rmSync(`${target}${ext}`, { force: true });
      renameSync(tmp, target);
    }
    const ms = Math.round(performance.now() - started);
    o.logger.info('dataset built', { version, file: target, ms, carriedOver });
    return { version, file: target, ms, carriedOver };
  } catch (err) {
    db?.close();
    for (const ext of ['', '-journal', '-wal', '-shm']) rmSync(`${tmp}${ext}`, { force: true });
    throw err;
  }
}
