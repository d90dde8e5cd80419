/**
 * The chart worker pool (Piscina: a well-kept worker_threads pool with a bounded queue), one
 * thread per core but one by default. From src (tsx, tests) the worker is render-worker-source.mjs, which
 * loads the .ts through tsx; from dist it is the compiled render-worker.js. Idle workers do not keep the process alive.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { HfbotError } from '../errors.js';
import { msg } from '../messages/index.js';
import type { SpecRenderer } from './render-chart.js';
import type { RenderResult, RenderTask } from './render-worker.js';
import { workerFile } from '../worker-file.js';

export interface RenderPool {
  render: SpecRenderer;
  readonly threads: number;
  /** Tasks waiting for a thread. */
  readonly queued: number;
  close(): Promise<void>;
}

/** Enough for every user of a busy team to have charts waiting; beyond it, "busy" at once. */
export const MAX_QUEUED_RENDERS = 100;

/** One thread per core, less one: the bot's own thread must keep a core to answer everyone else. */
export const defaultRenderThreads = (): number => Math.max(1, availableParallelism() - 1);

export function createRenderPool(threads = defaultRenderThreads(), maxQueue = MAX_QUEUED_RENDERS): RenderPool {
  const n = Math.max(1, threads);
  const pool = new Piscina<RenderTask, RenderResult>({
    filename: workerFile(import.meta.url, 'render-worker'),
    minThreads: n,
    maxThreads: n,
    maxQueue,
    // Keep warm threads: loading vega and the fonts costs a few hundred ms per thread.
    idleTimeout: 10 * 60_000,
  });
  return {
    threads: n,
    get queued() {
      return pool.queueSize;
    },
    async render(spec, warn) {
      let result: RenderResult;
      try {
        result = await pool.run({ spec });
      } catch (err) {
        if ((err as Error).message === 'Task queue is at limit')
          throw new HfbotError('E_BUSY', msg.core.renderQueueFull, { cause: err });
        throw err;
      }
      for (const w of result.warnings) warn?.(w);
      return result.png;
    },
    close: () => pool.destroy(),
  };
}
