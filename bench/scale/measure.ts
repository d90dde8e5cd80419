/**
 * What a user of a serving process feels at real scale (bench/scale.ts): warm command latency,
 * and the event loop's delay while a refresh runs, on the worker thread (now) and on the bot's
 * own thread (before, as `hfbot serve` did it).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { commands } from '../../src/commands/index.js';
import { runCommandText } from '../../src/commands/run.js';
import { recompute } from '../../src/jobs/recompute.js';
import { refreshOffThread } from '../../src/jobs/refresh-off-thread.js';
import type { Services } from '../../src/services.js';

const user = { id: 'bench', platform: 'cli' as const };

export const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
};
export const median = (xs: number[]) => quantile(xs, 0.5);

async function timed(services: Services, text: string): Promise<number> {
  const t0 = performance.now();
  const r = await runCommandText(text, { user, services }, commands);
  if (r.error) throw new Error(`${text}: ${r.error.code} ${r.text}`);
  return performance.now() - t0;
}

/** p50/p95 of `runs` warm answers (after 3 to warm the caches and the page cache). */
export async function commandLatency(services: Services, text: string, runs = 40) {
  for (let i = 0; i < 3; i++) await timed(services, text);
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) ms.push(await timed(services, text));
  return { p50: quantile(ms, 0.5), p95: quantile(ms, 0.95), max: Math.max(...ms) };
}

export interface DuringRefresh {
  refreshMs: number;
  loopMaxMs: number;
  loopP99Ms: number;
  /** /trend answers during the refresh: how many, their p95 and max. */
  answers: number;
  answerP95Ms: number;
  answerMaxMs: number;
}

/**
 * Runs `run` while users ask `/trend bert source:mined` on a fixed schedule, one every 20 ms
 * whether or not the last one was answered, and the event loop's delay is sampled every 10 ms.
 * An answer's time counts from when it was due, so a request that had to wait for a blocked
 * loop counts its wait, as the person asking would.
 */
async function during(services: Services, run: () => Promise<unknown>): Promise<DuringRefresh> {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  const answers: number[] = [];
  const inFlight: Promise<void>[] = [];
  let done = false;
  delay.enable();
  const t0 = performance.now();
  let k = 0;
  const tick = () => {
    if (done) return;
    for (let due = t0 + k * 20; due <= performance.now(); due = t0 + ++k * 20) {
      const at = due;
      inFlight.push(timed(services, '/trend bert source:mined').then(() => void answers.push(performance.now() - at)));
    }
    setTimeout(tick, 5);
  };
  tick();
  await new Promise((r) => setTimeout(r, 50));
  const t1 = performance.now();
  await run();
  const refreshMs = performance.now() - t1;
  // A turn of the loop for the histogram's timer and the requests that fell due meanwhile.
  await new Promise((r) => setTimeout(r, 100));
  done = true;
  await Promise.all(inFlight);
  delay.disable();
  return {
    refreshMs,
    loopMaxMs: delay.max / 1e6,
    loopP99Ms: delay.percentile(99) / 1e6,
    answers: answers.length,
    answerP95Ms: quantile(answers, 0.95),
    answerMaxMs: Math.max(...answers),
  };
}

/** The same client with no refresh at all: what the shared machine's load alone costs. */
export const noRefresh = (services: Services, ms = 5000) =>
  during(services, () => new Promise((r) => setTimeout(r, ms)));

export const refreshOnWorker = (services: Services) =>
  during(services, () => refreshOffThread(services, { options: { skipForum: true, skipHub: true } }));

export const refreshInline = (services: Services) =>
  during(services, async () => {
    // Block the loop as the scheduler did before the worker: the recompute on the bot's thread.
    recompute(services);
  });
