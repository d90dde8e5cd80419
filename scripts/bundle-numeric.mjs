/**
 * Bundles each @stdlib package that src/ loads through lazyRequire into one file under
 * dist/vendor/. A package such as @stdlib/stats-base-dists-t-cdf is ~335 small CommonJS
 * modules: resolving and compiling them took ~200 ms of a ~350 ms `hfbot ask "/trend llama"`,
 * while its bundle loads in ~15 ms. The code is @stdlib's own, unchanged; only the loading
 * differs. src/analysis/lazy.ts prefers the bundle when it exists (dist), else the package
 * (tsx and vitest running src/). Run by `npm run build` after tsc.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist', 'vendor');

/** Every `lazyRequire<...>('@stdlib/...')` in src/, so the list cannot drift from the code. */
export function lazyStdlibIds(dir = path.join(root, 'src')) {
  const ids = new Set();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const text = readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
    for (const m of text.matchAll(/lazyRequire<[^>]*>\(\s*'(@stdlib\/[^']+)'\s*\)/g)) ids.add(m[1]);
  }
  return [...ids].sort();
}

/** The file name a package's bundle gets; src/analysis/lazy.ts computes the same. */
export const vendorFile = (id) => `${id.replace(/^@/, '').replace('/', '+')}.cjs`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  rmSync(outDir, { recursive: true, force: true });
  const ids = lazyStdlibIds();
  await Promise.all(
    ids.map((id) =>
      build({
        stdin: { contents: `module.exports = require(${JSON.stringify(id)});`, resolveDir: root, loader: 'js' },
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        legalComments: 'inline',
        logLevel: 'warning',
        outfile: path.join(outDir, vendorFile(id)),
      }),
    ),
  );
  process.stdout.write(`bundled ${ids.length} numeric packages into dist/vendor/\n`);
}
