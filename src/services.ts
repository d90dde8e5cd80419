/**
 * What every command, job and adapter may use, built once per process. It lives with the data
 * layer because it opens the dataset; everything above receives it, nothing builds its own.
 */
import type { AppConfig } from './config.js';
import type { Logger } from './logger.js';
import { openDatabase, type Db } from './data/db.js';

export interface Services {
  db: Db;
  logger: Logger;
  config: AppConfig;
  now: () => Date;
}

export function createServices(
  config: AppConfig,
  logger: Logger,
  opts: { dbFile?: string; now?: () => Date } = {},
): Services {
  const db = openDatabase(opts.dbFile ?? config.HFBOT_DB);
  return { db, logger, config, now: opts.now ?? (() => new Date()) };
}
