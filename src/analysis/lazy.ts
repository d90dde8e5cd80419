/**
 * A CommonJS dependency loaded on first use, synchronously. The numeric libraries (@stdlib's
 * distributions are a few hundred small files) cost more to load than most commands take to
 * run, and `hfbot ask "/dataset"` needs none of them; the functions that use them stay sync.
 * In the build, `scripts/bundle-numeric.mjs` puts each @stdlib package in one file under
 * dist/vendor/, which loads ~15x faster than the package's ~300 modules; running from src/
 * (tsx, vitest) there is no bundle and the package itself is loaded.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** Where the build puts a package's bundle; scripts/bundle-numeric.mjs names it the same way. */
export function vendoredPath(id: string): string {
  return fileURLToPath(new URL(`../vendor/${id.replace(/^@/, '').replace('/', '+')}.cjs`, import.meta.url));
}

function load<T>(id: string): T {
  const bundle = id.startsWith('@stdlib/') ? vendoredPath(id) : null;
  return require(bundle && existsSync(bundle) ? bundle : id) as T;
}

export function lazyRequire<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load<T>(id));
}
