/**
 * Runs `hfbot refresh` inside `hfbot serve` on HFBOT_REFRESH_CRON (for example "@daily" or
 * "0 6 * * *"), posting each summary to the announcement channels. Runs never overlap; a run
 * cut short by a stop resumes from its checkpoints next time.
 */
import { Cron } from 'croner';
import type { PlatformStarter, RunningPlatform } from './platforms.js';
import { HfbotError } from '../errors.js';
import { msg } from '../messages/index.js';
import { refresh } from '../data/miners/refresh.js';
import { announce } from './announce.js';

export const startScheduler: PlatformStarter = async (services) => {
  const { config, logger } = services;
  const pattern = config.HFBOT_REFRESH_CRON;
  if (!pattern) {
    logger.debug('scheduler: no HFBOT_REFRESH_CRON, no scheduled refresh');
    return null;
  }
  let running: Promise<void> | null = null;
  let runs = 0;
  let job: Cron;
  try {
    job = new Cron(pattern, { protect: true, paused: true }, () => {
      running = (async () => {
        const n = ++runs;
        logger.info('scheduler: refresh started', { run: n });
        try {
          const r = await refresh({ services, http: { requestsPerMinute: config.HFBOT_MINE_RATE_PER_MINUTE, logger } });
          await announce(r.reply, services);
          logger.info('scheduler: refresh done', {
            run: n,
            version: r.derived.version,
            failures: r.failures.length,
            next: job.nextRun()?.toISOString(),
          });
        } catch (err) {
          logger.error('scheduler: refresh failed; the next run resumes from the checkpoints', { run: n, err });
        }
      })();
      return running;
    });
  } catch (err) {
    throw new HfbotError('E_CONFIG', msg.mining.badCron(pattern, (err as Error).message), {
      hint: msg.mining.cronHint,
    });
  }
  job.resume();
  logger.info('scheduler: refresh scheduled', { cron: pattern, next: job.nextRun()?.toISOString() });
  const platform: RunningPlatform & { runs: () => number } = {
    name: 'scheduler',
    runs: () => runs,
    async close() {
      job.stop();
      // A refresh in progress keeps its per-page checkpoints; do not hold shutdown for it.
      if (running) logger.info('scheduler: stopped while a refresh was running; it resumes next time');
    },
  };
  return platform;
};
