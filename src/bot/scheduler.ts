/**
 * Runs `hfbot refresh` inside `hfbot serve` on HFBOT_REFRESH_CRON, posting each summary to the
 * announcement channels. A run cut short by a stop resumes from its checkpoints next time.
 */
import { refresh } from '../jobs/refresh.js';
import { schedule } from '../jobs/schedule.js';
import { announce } from './announce.js';
import type { PlatformStarter, RunningPlatform } from './platforms.js';

export const startScheduler: PlatformStarter = async (services) => {
  const { config, logger } = services;
  const pattern = config.HFBOT_REFRESH_CRON;
  if (!pattern) {
    logger.debug('scheduler: no HFBOT_REFRESH_CRON, no scheduled refresh');
    return null;
  }
  const job = schedule(pattern, logger, async (run) => {
    logger.info('scheduler: refresh started', { run });
    const r = await refresh({ services, http: { requestsPerMinute: config.HFBOT_MINE_RATE_PER_MINUTE, logger } });
    await announce(r.reply, services);
    logger.info('scheduler: refresh done', {
      run,
      version: r.derived.version,
      failures: r.failures.length,
      next: job.nextRun()?.toISOString(),
    });
  });
  logger.info('scheduler: refresh scheduled', { cron: pattern, next: job.nextRun()?.toISOString() });
  const platform: RunningPlatform & { runs: () => number } = {
    name: 'scheduler',
    runs: job.runs,
    async close() {
      job.stop();
      // A refresh in progress keeps its per-page checkpoints; do not hold shutdown for it.
      if (job.busy()) logger.info('scheduler: stopped while a refresh was running; it resumes next time');
    },
  };
  return platform;
};
