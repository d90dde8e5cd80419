/**
 * Chart rendering speed: for each command's chart, the first (cold) render in a fresh
 * process, warm renders (spec -> SVG -> PNG, no cache) and cached repeats through
 * renderReplyPng. Run: npx tsx bench/render.ts [warm runs]
 * Goal: warm p95 < 150 ms per chart on a 2-core machine, cached repeat < 5 ms.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildDataset } from '../src/data/ingest/build.js';
import { openDatabase } from '../src/data/db.js';
import { loadConfig } from '../src/config.js';
import { silentLogger } from '../src/logger.js';
import { PROJECT_ROOT } from '../src/data/ingest/sources.js';
import { runCommandText } from '../src/commands/run.js';
import { commands } from '../src/commands/index.js';
import type { Reply, Services } from '../src/commands/types.js';

const runs = Number(process.argv[2] ?? 30);
const CHARTS = [
  '/trend llama',
  '/trend bart',
  '/trends',
  '/trends significant:true',
  '/popular',
  '/popular top:8',
  '/cards',
  '/challenges',
  '/benefits',
  '/rootcauses',
];

const source = process.env.HFBOT_REPLICATION_DIR ?? path.resolve(PROJECT_ROOT, '../shared/saner2024');
const dir = mkdtempSync(path.join(os.tmpdir(), 'hfbot-bench-'));
const dbFile = path.join(dir, 'hfbot.sqlite');
await buildDataset({ sourceDir: source, sourceKind: 'flag', dbFile, logger: silentLogger });
const services: Services = {
  db: openDatabase(dbFile),
  logger: silentLogger,
  config: loadConfig({ HFBOT_DB: dbFile }, dir),
  now: () => new Date(),
};

const replies: [string, Reply][] = [];
for (const cmd of CHARTS) {
  const reply = await runCommandText(cmd, { user: { id: 'bench', platform: 'cli' }, services }, commands);
  if (reply.chart) replies.push([cmd, reply]);
}
const skipped = CHARTS.filter((c) => !replies.some(([r]) => r === c));

let t = performance.now();
const { renderSpecUncached } = await import('../src/render/render-chart.js');
const { renderReplyPng } = await import('../src/render/reply-png.js');
const importMs = performance.now() - t;
t = performance.now();
await renderSpecUncached(replies[0]![1].chart!);
const coldMs = performance.now() - t;

const q = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const rows: string[][] = [];
for (const [cmd, reply] of replies) {
  const warm: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    bytes = (await renderSpecUncached(reply.chart!)).byteLength;
    warm.push(performance.now() - s);
  }
  await renderReplyPng(reply, services);
  const cached: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await renderReplyPng(reply, services);
    cached.push(performance.now() - s);
  }
  rows.push([
    cmd,
    q(warm, 0.5).toFixed(0),
    q(warm, 0.95).toFixed(0),
    q(cached, 0.5).toFixed(2),
    q(cached, 0.95).toFixed(2),
    (bytes / 1024).toFixed(0),
  ]);
}

const head = ['chart', 'warm p50 ms', 'warm p95 ms', 'cached p50 ms', 'cached p95 ms', 'PNG KiB'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
const out = [
  `render bench: ${runs} warm runs per chart, ${os.cpus().length} CPUs, node ${process.version}`,
  `pipeline import ${importMs.toFixed(0)} ms; cold first render (${replies[0]![0]}, fonts + vega warm-up) ${coldMs.toFixed(0)} ms`,
  line(head),
  ...rows.map(line),
  ...(skipped.length ? [`no chart (command missing or chartless): ${skipped.join(', ')}`] : []),
];
process.stdout.write(`${out.join('\n')}\n`);
services.db.close();
