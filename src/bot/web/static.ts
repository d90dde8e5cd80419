/**
 * The chat page's files, read from src/bot/web/public (no build step). Resolved from the
 * project root, so the same folder serves whether hfbot runs from src (tsx) or dist.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** src/bot/web and dist/bot/web are both three levels below the project root. */
const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const PUBLIC_DIR = path.join(PROJECT_ROOT, 'src/bot/web/public');

const FILES: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/index.html': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/app.css': { file: 'app.css', type: 'text/css; charset=utf-8' },
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/render.js': { file: 'render.js', type: 'text/javascript; charset=utf-8' },
  '/dom.js': { file: 'dom.js', type: 'text/javascript; charset=utf-8' },
  '/table.js': { file: 'table.js', type: 'text/javascript; charset=utf-8' },
  '/complete.js': { file: 'complete.js', type: 'text/javascript; charset=utf-8' },
  '/menu.js': { file: 'menu.js', type: 'text/javascript; charset=utf-8' },
  '/login.js': { file: 'login.js', type: 'text/javascript; charset=utf-8' },
};

/** The page's own files, which carry no data and load before any login. */
export const isStaticPath = (urlPath: string): boolean => Object.hasOwn(FILES, urlPath);

/** Only the listed files are served, so no request path can reach anything else on disk. */
export async function staticFile(urlPath: string, dir = PUBLIC_DIR): Promise<{ body: Buffer; type: string } | null> {
  const f = FILES[urlPath];
  if (!f) return null;
  return { body: await readFile(path.join(dir, f.file)), type: f.type };
}
