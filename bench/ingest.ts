/**
 * Ingest speed: builds the dataset from the replication package N times into a scratch file
 * and prints min/p50/p95/max wall time and peak RSS. Run: npx tsx bench/ingest.ts [runs]
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildDataset } from '../src/data/ingest/build.js';
import { silentLogger } from '../src/logger.js';
import { PROJECT_ROOT } from '../src/data/ingest/sources.js';

const runs = Number(process.argv[2] ?? 10);
const source = process.env.HFBOT_REPLICATION_DIR ?? path.resolve(PROJECT_ROOT, '../shared/saner2024');
const dbFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'hfbot-bench-')), 'hfbot.sqlite');
const times: number[] = [];
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  await buildDataset({ sourceDir: source, sourceKind: 'flag', dbFile, logger: silentLogger });
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(0);
process.stdout.write(
  `ingest (${runs} runs, rebuild over an existing file): min ${q(0)} ms  p50 ${q(0.5)} ms  p95 ${q(0.95)} ms  max ${q(1)} ms  peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB\n`,
);
