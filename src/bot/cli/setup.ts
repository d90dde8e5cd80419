/** What the CLI subcommands that open the dataset share: config, logger, services, request rate. */
import path from 'node:path';
import { z } from 'zod';
import { loadConfig, type AppConfig } from '../../config.js';
import type { HttpOptions, WaitEvent } from '../../data/miners/http.js';
import { HfbotError } from '../../errors.js';
import { createLogger, type Logger } from '../../logger.js';
import { msg } from '../../messages/index.js';
import { createServices, type Services } from '../../services.js';
import type { CliIo } from './io.js';

export function cliSetup(
  values: Record<string, unknown>,
  io: CliIo,
): { config: AppConfig; logger: Logger; services: Services } {
  const config = loadConfig(io.env, io.cwd);
  const logger = createLogger({ level: config.HFBOT_LOG_LEVEL, format: config.HFBOT_LOG_FORMAT, write: io.err });
  const dbFile = path.resolve(io.cwd, (values.db as string | undefined) ?? config.HFBOT_DB);
  return { config, logger, services: createServices(config, logger, { dbFile }) };
}

const Rate = z.coerce.number().positive().max(6000);

/** --rate N, else HFBOT_MINE_RATE_PER_MINUTE; `onWait` shows rate-limit waits. */
export function httpOptions(
  values: Record<string, unknown>,
  logger: Logger,
  config: AppConfig,
  onWait?: (w: WaitEvent) => void,
): HttpOptions {
  const rate = values.rate === undefined ? undefined : Rate.safeParse(values.rate);
  if (rate && !rate.success) throw new HfbotError('E_BAD_VALUE', msg.mining.badRateOption(String(values.rate)));
  return { logger, requestsPerMinute: rate?.data ?? config.HFBOT_MINE_RATE_PER_MINUTE, onWait };
}
