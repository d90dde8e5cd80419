/**
 * Runs a job on a cron schedule (HFBOT_REFRESH_CRON, e.g. "@daily" or "0 6 * * *"). Runs never
 * overlap; a failing run is logged and the schedule goes on.
 */
import { Cron } from 'croner';
import { HfbotError } from '../errors.js';
import type { Logger } from '../logger.js';
import { msg } from '../messages/index.js';

export interface Schedule {
  runs(): number;
  nextRun(): Date | null;
  /** Whether a run is in progress. */
  busy(): boolean;
  stop(): void;
}

/** `job` gets the run number (1, 2, ...); a bad pattern is an E_CONFIG error naming the variable. */
export function schedule(pattern: string, logger: Logger, job: (run: number) => Promise<void>): Schedule {
  let runs = 0;
  let running = false;
  let cron: Cron;
  try {
    cron = new Cron(pattern, { protect: true, paused: true }, async () => {
      const n = ++runs;
      running = true;
      try {
        await job(n);
      } catch (err) {
        logger.error('scheduler: refresh failed; the next run resumes from the checkpoints', { run: n, err });
      } finally {
        running = false;
      }
    });
  } catch (err) {
    throw new HfbotError('E_CONFIG', msg.mining.badCron(pattern, (err as Error).message), {
      hint: msg.mining.cronHint,
    });
  }
  cron.resume();
  return {
    runs: () => runs,
    nextRun: () => cron.nextRun(),
    busy: () => running,
    stop: () => cron.stop(),
  };
}
