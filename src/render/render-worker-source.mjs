// The render worker when hfbot runs from source (tsx, vitest, bench): worker threads do not
// inherit tsx's loader from the main thread (Node 20), so this thread registers it and then loads
// the TypeScript worker. From dist/, the pool loads the compiled render-worker.js directly.
import { register } from 'tsx/esm/api';

register();
const { default: renderTask } = await import('./render-worker.ts');
export default renderTask;
