/**
 * A CommonJS dependency loaded on first use, synchronously. The numeric libraries (@stdlib's
 * distributions are a few hundred small files) cost more to load than most commands take to
 * run, and `hfbot ask "/dataset"` needs none of them; the functions that use them stay sync.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function lazyRequire<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(id) as T);
}
