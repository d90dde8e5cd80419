/**
 * The refresh job on a worker thread (issue 17 item 1): its own connection to the mined file, its
 * own event loop, so the mining, the mention scan and the series of a refresh never hold up the
 * bot's thread. Log lines and the result go back to the bot by message; the bot announces.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { AppConfig } from '../config.js';
import { openMined } from '../data/mined-file.js';
import type { LogFields, Logger, LogLevel } from '../logger.js';
import { refresh, type RefreshOptions } from './refresh.js';

export interface RefreshWorkerData {
  minedFile: string;
  config: AppConfig;
  /** The bot's clock minus the real one, so a bot with a fixed clock (tests) dates versions alike. */
  clockOffsetMs: number;
  options: Pick<RefreshOptions, 'forumUrl' | 'hubUrl' | 'skipForum' | 'skipHub' | 'fullHub'> & {
    requestsPerMinute?: number;
  };
  /** Keep the series transaction open this long before committing: a slow recompute, for tests and benches. */
  holdCommitMs?: number;
}

export type RefreshWorkerMessage =
  | { type: 'log'; level: LogLevel; msg: string; fields?: LogFields }
  | { type: 'done'; result: Awaited<ReturnType<typeof refresh>> }
  | { type: 'failed'; error: { name: string; message: string; code?: string; stack?: string } };

const port = parentPort!;
const data = workerData as RefreshWorkerData;
const post = (m: RefreshWorkerMessage) => port.postMessage(m);

function forwardingLogger(base: LogFields = {}): Logger {
  const at = (level: LogLevel) => (msg: string, fields?: LogFields) =>
    post({ type: 'log', level, msg, fields: { ...base, ...fields } });
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (f) => forwardingLogger({ ...base, ...f }),
  };
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

const db = openMined(data.minedFile);
try {
  const logger = forwardingLogger({ thread: 'refresh' });
  const { requestsPerMinute, ...options } = data.options;
  const result = await refresh({
    ...options,
    services: { db, logger, config: data.config, now: () => new Date(Date.now() + data.clockOffsetMs) },
    http: { logger, ...(requestsPerMinute ? { requestsPerMinute } : {}) },
    ...(data.holdCommitMs
      ? {
          beforeSeriesCommit: () => {
            logger.debug('refresh worker: holding the series transaction open', { ms: data.holdCommitMs });
            sleep(data.holdCommitMs!);
          },
        }
      : {}),
  });
  post({ type: 'done', result });
} catch (err) {
  const e = err as Error & { code?: string };
  post({ type: 'failed', error: { name: e.name, message: e.message, code: e.code, stack: e.stack } });
} finally {
  db.close();
}
