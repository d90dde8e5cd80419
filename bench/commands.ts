/**
 * Command latency: runs every registered command in-process on a freshly built dataset and
 * prints p50/p95 per command (chart specs are built, not rendered to PNG).
 * Run: npx tsx bench/commands.ts [runs]   Goal: p95 well under 20 ms.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildDataset } from '../src/data/ingest/build.js';
import { openDatabase } from '../src/data/db.js';
import { loadConfig } from '../src/config.js';
import { silentLogger } from '../src/logger.js';
import { PROJECT_ROOT } from '../src/data/ingest/sources.js';
import { commands } from '../src/commands/index.js';
import { runCommandText } from '../src/commands/run.js';

const runs = Number(process.argv[2] ?? 200);
/** Sample arguments; a command not listed runs bare. */
const SAMPLES: Record<string, string[]> = {
  help: ['/help', '/help trend'],
  trend: ['/trend bert', '/trend llama', '/trend xlm roberta from:2021-01 to:2022-12'],
  trends: ['/trends', '/trends significant:true sort:p'],
  popular: ['/popular', '/popular top:10'],
  cards: ['/cards', '/cards 2022-01 2023-05'],
  challenges: ['/challenges'],
  benefits: ['/benefits'],
  rootcauses: ['/rootcauses'],
  examples: ['/examples C8'],
  taxonomy: ['/taxonomy'],
};
/** Commands that act on state (coding rounds, mining) are not timed here. */
const STATEFUL = /^(code|mine|verify|refresh)\b/;

const dir = mkdtempSync(path.join(os.tmpdir(), 'hfbot-bench-'));
const dbFile = path.join(dir, 'hfbot.sqlite');
const source = process.env.HFBOT_REPLICATION_DIR ?? path.resolve(PROJECT_ROOT, '../shared/saner2024');
await buildDataset({ sourceDir: source, sourceKind: 'flag', dbFile, logger: silentLogger });
const services = {
  db: openDatabase(dbFile),
  logger: silentLogger,
  config: loadConfig({ HFBOT_DB: dbFile }, dir),
  now: () => new Date(),
};
const env = { user: { id: 'bench', platform: 'cli' as const }, services };

const lines: string[] = [];
const skipped: string[] = [];
for (const cmd of commands) {
  const name = cmd.definition.name;
  if (STATEFUL.test(name)) {
    skipped.push(`/${name} (needs state)`);
    continue;
  }
  for (const text of SAMPLES[name] ?? [`/${name}`]) {
    const first = await runCommandText(text, env, commands);
    if (first.error) {
      skipped.push(`${text} (${first.error.code})`);
      continue;
    }
    // Warm-up so the figures are steady-state (JIT, statement cache), as a long-running bot sees them.
    for (let i = 0; i < 20; i++) await runCommandText(text, env, commands);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await runCommandText(text, env, commands);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(2).padStart(7);
    lines.push(`${text.padEnd(48)} p50 ${q(0.5)} ms  p95 ${q(0.95)} ms  max ${q(1)} ms`);
  }
}
process.stdout.write(`commands (${runs} runs each, in-process, no PNG rendering)\n${lines.join('\n')}\n`);
if (skipped.length) process.stdout.write(`not timed: ${skipped.join(', ')}\n`);
