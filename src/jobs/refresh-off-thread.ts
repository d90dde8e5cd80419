/**
 * Runs the refresh job on a worker thread and resolves with its result (issue 17 item 1). The bot's
 * thread only waits: commands keep answering from the mined series as they were (the mined file
 * is in WAL mode, so the worker's writes never block a reader), and move to the new ones at the
 * worker's last commit; their provenance names the version they read.
 */
import { Worker } from 'node:worker_threads';
import { minedFileBehind } from '../data/mined-file.js';
import type { Services } from '../services.js';
import type { RefreshResult } from './refresh.js';
import type { RefreshWorkerData, RefreshWorkerMessage } from './refresh-worker.js';
import { workerFile } from '../worker-file.js';

export interface OffThreadOptions {
  options?: RefreshWorkerData['options'];
  holdCommitMs?: number;
  /** Aborting stops the worker at once (`hfbot serve` stopping); its checkpoints let the next run resume. */
  signal?: AbortSignal;
}

export function refreshOffThread(services: Services, o: OffThreadOptions = {}): Promise<RefreshResult> {
  const data: RefreshWorkerData = {
    minedFile: minedFileBehind(services.db),
    config: services.config,
    clockOffsetMs: services.now().getTime() - Date.now(),
    options: o.options ?? {},
    ...(o.holdCommitMs ? { holdCommitMs: o.holdCommitMs } : {}),
  };
  return new Promise<RefreshResult>((resolve, reject) => {
    if (o.signal?.aborted) return reject(o.signal.reason);
    const worker = new Worker(workerFile(import.meta.url, 'refresh-worker'), { workerData: data });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      o.signal?.removeEventListener('abort', abort);
      fn();
    };
    // Settled once the thread is gone: its connection (and any write lock it held) closes with it.
    const abort = () => {
      const reason: unknown = o.signal!.reason;
      void worker.terminate().finally(() => settle(() => reject(reason)));
    };
    o.signal?.addEventListener('abort', abort, { once: true });
    worker.on('message', (m: RefreshWorkerMessage) => {
      if (m.type === 'log') services.logger[m.level](m.msg, m.fields);
      else if (m.type === 'done') settle(() => resolve(m.result as RefreshResult));
      else settle(() => reject(Object.assign(new Error(m.error.message), m.error)));
    });
    worker.on('error', (err) => settle(() => reject(err)));
    worker.on('exit', (code) => {
      if (!o.signal?.aborted) settle(() => reject(new Error(`refresh worker exited with code ${code}`)));
    });
  });
}
