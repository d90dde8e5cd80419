/**
 * The file a worker thread starts from. Built (dist/), the compiled `<name>.js` beside the caller;
 * run from source (tsx, vitest, bench), `<name>-source.mjs`, which registers tsx's loader first,
 * since worker threads do not inherit it from the main thread (Node 20).
 */
import { fileURLToPath } from 'node:url';

export function workerFile(callerUrl: string, name: string): string {
  const fromSource = fileURLToPath(callerUrl).endsWith('.ts');
  return fileURLToPath(new URL(fromSource ? `./${name}-source.mjs` : `./${name}.js`, callerUrl));
}
