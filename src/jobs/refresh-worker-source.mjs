// The refresh worker when hfbot runs from source (tsx, vitest, bench): worker threads do not
// inherit tsx's loader from the main thread (Node 20), so this thread registers it and then loads
// the TypeScript worker. From dist/, refresh-off-thread.ts starts the compiled refresh-worker.js.
import { register } from 'tsx/esm/api';

register();
await import('./refresh-worker.ts');
