/**
 * The build's bundles of @stdlib (scripts/bundle-numeric.mjs) must be the packages themselves,
 * only faster to load: every package src/ loads lazily has a bundle, lazy.ts finds it where the
 * build put it, and it computes what the package computes. Needs `npm run build` (npm test runs it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lazyStdlibIds, vendorFile } from '../../scripts/bundle-numeric.mjs';
import { vendoredPath } from '../../src/analysis/lazy.js';
import { ROOT } from '../helpers/paths.js';

const require = createRequire(import.meta.url);
const vendor = path.join(ROOT, 'dist', 'vendor');
type Fn = (...args: number[]) => number;

// Arguments in each function's own domain, tails included (where a bundle that lost a
// branch would differ): t-cdf(t, df), normal quantile(p, mu, sigma), gammainc(x, a, regularized, upper), ln C(n, k).
const calls: Record<string, number[][]> = {
  '@stdlib/stats-base-dists-t-cdf': [
    [-9.5, 6],
    [0.3, 1],
    [2.45, 29],
    [-40, 48],
  ],
  '@stdlib/stats-base-dists-normal-quantile': [
    [0.975, 0, 1],
    [1e-12, 0, 1],
    [0.5, 3, 2],
  ],
  '@stdlib/math-base-special-gammainc': [
    [3.84, 0.5],
    [250, 40],
    [0.01, 12],
  ],
  '@stdlib/math-base-special-binomcoefln': [
    [455, 106],
    [11175, 372],
    [7, 0],
  ],
};

describe('analysis/lazy: the build bundles @stdlib and loads the bundles', () => {
  it('finds every lazily loaded @stdlib package in src/ and has arguments to check each with', () => {
    const ids = lazyStdlibIds();
    expect(ids).toContain('@stdlib/stats-base-dists-t-cdf');
    expect(ids.filter((id) => !(id in calls))).toEqual([]);
  });

  it('loads from where the build put each bundle', () => {
    for (const id of lazyStdlibIds()) {
      // src/analysis/lazy.ts resolves ../vendor from its own directory: dist/analysis -> dist/vendor.
      const fromDist = path.join(vendor, vendorFile(id));
      expect(existsSync(fromDist), `${fromDist} missing: run npm run build`).toBe(true);
      expect(path.basename(vendoredPath(id))).toBe(vendorFile(id));
    }
  });

  it('computes exactly what each package computes', () => {
    for (const id of lazyStdlibIds()) {
      const bundled = require(path.join(vendor, vendorFile(id))) as Fn;
      const original = require(id) as Fn;
      expect(bundled).not.toBe(original);
      for (const args of calls[id]!) expect(bundled(...args), `${id}(${args})`).toBe(original(...args));
    }
  });

  it('the built spearman reads its p-value from the bundle, not from the ~300 package modules', () => {
    // Table III's llama: rho 0.9001 over 8 months gives p 0.00231 (scipy.stats.spearmanr).
    const script = `
      import { createRequire } from 'node:module';
      const { spearmanPValue } = await import(${JSON.stringify(path.join(ROOT, 'dist/analysis/spearman.js'))});
      const p = spearmanPValue(0.9001, 8);
      const loaded = Object.keys(createRequire(import.meta.url).cache);
      console.log(JSON.stringify({ p, stdlib: loaded.filter((f) => f.includes('node_modules/@stdlib')).length,
        vendor: loaded.filter((f) => f.includes('dist/vendor')).length }));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { p: number; stdlib: number; vendor: number };
    expect(out.p).toBeCloseTo(0.00231, 5);
    expect(out).toMatchObject({ stdlib: 0, vendor: 1 });
  });
});
