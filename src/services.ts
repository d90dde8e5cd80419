import type { Services } from './commands/types.js';
import type { AppConfig } from './config.js';
import type { Logger } from './logger.js';
import { openDatabase } from './data/db.js';

/** Builds the shared services once per process; adapters receive them, never build their own. */
export function createServices(
  config: AppConfig,
  logger: Logger,
  opts: { dbFile?: string; now?: () => Date } = {},
): Services {
  const db = openDatabase(opts.dbFile ?? config.HFBOT_DB);
  return { db, logger, config, now: opts.now ?? (() => new Date()) };
}
