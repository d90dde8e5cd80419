// The match worker when hfbot runs from source (tsx, vitest, bench): worker threads do not
// inherit tsx's loader from the main thread (Node 20), so this thread registers it and then loads
// the TypeScript worker. From dist/, batch-matcher.ts starts the compiled match-worker.js.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
try {
  await import('./match-worker.ts');
} catch (err) {
  // The scan's thread is blocked waiting for the first reply: give it the error instead.
  const replies = new Int32Array(workerData.replies);
  workerData.port.once('message', () => {
    workerData.port.postMessage({ error: { message: err.message, stack: err.stack } });
    Atomics.add(replies, 0, 1);
    Atomics.notify(replies, 0);
  });
}
