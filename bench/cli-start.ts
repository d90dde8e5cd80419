/**
 * CLI cold start: whole processes, timed from spawn to exit, against a bare `node -e 0` run in
 * turn with each (pairing keeps the ratio meaningful when the machine's speed drifts). Prints
 * the median wall time of each command beside the bare start and the median of the pairwise
 * ratios. Needs the build (npm run build). Run: npx tsx bench/cli-start.ts [runs]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildDataset } from '../src/data/ingest/build.js';
import { PROJECT_ROOT } from '../src/data/ingest/sources.js';
import { silentLogger } from '../src/logger.js';

const runs = Number(process.argv[2] ?? 15);
const bin = path.join(PROJECT_ROOT, 'bin/hfbot.js');
if (!existsSync(path.join(PROJECT_ROOT, 'dist/bot/cli/main.js'))) {
  process.stderr.write('Build first: npm run build\n');
  process.exit(2);
}
const source = process.env.HFBOT_REPLICATION_DIR ?? path.resolve(PROJECT_ROOT, '../shared/saner2024');
const db = path.join(mkdtempSync(path.join(os.tmpdir(), 'hfbot-bench-')), 'hfbot.sqlite');
await buildDataset({ sourceDir: source, sourceKind: 'flag', dbFile: db, logger: silentLogger });

const env = { ...process.env, HFBOT_LOG_LEVEL: 'error' };
function wall(args: string[]): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const cases: [string, string[]][] = [
  ['hfbot --help', [bin, '--help']],
  ['hfbot ask --help', [bin, 'ask', '--help']],
  ['hfbot ask "/dataset"', [bin, 'ask', '/dataset', '--db', db]],
  ['hfbot ask "/trend llama"', [bin, 'ask', '/trend llama', '--db', db]],
  ['hfbot ask "/help"', [bin, 'ask', '/help', '--db', db]],
];
const bare = ['-e', '0'];
wall(bare);
process.stdout.write(`CLI cold start, ${runs} runs each, in turn with a bare node -e 0 (medians, wall ms)\n`);
process.stdout.write(
  `${'command'.padEnd(26)} ${'command'.padStart(8)} ${'node -e 0'.padStart(10)} ${'ratio'.padStart(7)}\n`,
);
for (const [label, args] of cases) {
  wall(args);
  const a: number[] = [];
  const b: number[] = [];
  const ratio: number[] = [];
  for (let i = 0; i < runs; i++) {
    const x = wall(args);
    const y = wall(bare);
    a.push(x);
    b.push(y);
    ratio.push(x / y);
  }
  process.stdout.write(
    `${label.padEnd(26)} ${median(a).toFixed(0).padStart(8)} ${median(b).toFixed(0).padStart(10)} ${median(ratio).toFixed(2).padStart(6)}x\n`,
  );
}
