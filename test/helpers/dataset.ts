/**
 * Builds the real replication package into a fresh temporary database, once per test file
 * (about 0.2 s), so tests never share or depend on data/hfbot.sqlite.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildDataset } from '../../src/data/ingest/build.js';
import { openDatabase } from '../../src/data/db.js';
import { loadConfig } from '../../src/config.js';
import { memoryLogger, silentLogger } from '../../src/logger.js';
import type { Services } from '../../src/commands/types.js';
import { REPLICATION } from './paths.js';

export function tempDir(prefix = 'hfbot-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function buildTestDataset(dir = tempDir()): Promise<string> {
  const dbFile = path.join(dir, 'hfbot.sqlite');
  await buildDataset({
    sourceDir: REPLICATION,
    sourceKind: 'flag',
    dbFile,
    logger: silentLogger,
    now: () => new Date('2026-01-01T00:00:00Z'),
  });
  return dbFile;
}

/** Services over a freshly built dataset; pass env overrides for config. */
export async function testServices(
  env: Record<string, string> = {},
  dbFile?: string,
): Promise<Services & { logger: ReturnType<typeof memoryLogger> }> {
  const file = dbFile ?? (await buildTestDataset());
  const config = loadConfig({ HFBOT_DB: file, ...env }, tempDir());
  return { db: openDatabase(file), logger: memoryLogger(), config, now: () => new Date('2026-11-22T12:00:00Z') };
}

export const testUser = (id = 'tester') => ({ id, platform: 'test' as const });
