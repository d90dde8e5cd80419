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
  trend: [
    '/trend bert',
    '/trend llama',
    '/trend xlm roberta from:2021-01 to:2022-12',
    '/trend bert roberta t5 gpt2 bart',
    '/trend llama source:both',
  ],
  trends: ['/trends', '/trends significant:true sort:p', '/trends source:both'],
  popular: ['/popular', '/popular top:10', '/popular source:both'],
  cards: ['/cards', '/cards 2022-01 2023-05', '/cards source:both'],
  challenges: ['/challenges', '/challenges level:compare', '/challenges over:year', '/challenges over:quarter'],
  benefits: ['/benefits'],
  forum: ['/forum', '/forum category:beginners,intermediate cumulative:false'],
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
seedMined(services.db);

/**
 * Mined data at the paper's scale, so source:both, /forum and over: are timed too: the paper's
 * series copied as 'mined', and 11,175 forum topics (the paper's count) over its 35 months in
 * 20 categories, the coded topics among them. Timing only: these are not real mined numbers.
 */
function seedMined(db: typeof services.db): void {
  db.transaction(() => {
    db.prepare(
      "INSERT INTO series_sources VALUES ('mined', 'mined-bench', 'bench copy of the paper series', '2026-01-01')",
    ).run();
    for (const t of ['forum_mentions', 'hub_uploads', 'card_stats', 'model_types', 'series_windows'])
      db.prepare(
        `INSERT INTO ${t} SELECT 'mined', ${t === 'card_stats' ? 'month, models, with_card' : t === 'model_types' ? 'name, in_forum, in_hub' : t === 'series_windows' ? 'series, first_month, last_month, partial_last' : t === 'forum_mentions' ? 'model_type, month, mentions' : 'model_type, month, uploads'} FROM ${t} WHERE source = 'paper'`,
      ).run();
    const coded = new Set(db.prepare('SELECT DISTINCT topic_id FROM topic_categories').pluck().all() as number[]);
    const put = db.prepare(
      'INSERT OR IGNORE INTO forum_topics (id, title, category, created_at, fetched_at) VALUES (?, ?, ?, ?, ?)',
    );
    const cats = [
      'Beginners',
      'Beginners',
      'Beginners',
      '🤗Transformers',
      '🤗Transformers',
      'Models',
      '🤗Datasets',
      'Intermediate',
    ];
    const t0 = Date.parse('2020-07-07');
    const span = Date.parse('2023-06-26') - t0;
    const ids = [...coded];
    for (let i = 0; ids.length < 11_175; i++) if (!coded.has(i * 4 + 1)) ids.push(i * 4 + 1);
    for (const id of ids) {
      const at = new Date(t0 + Math.floor((Math.min(id, 45_000) / 45_000) * span)).toISOString();
      put.run(id, `topic ${id}`, id % 23 === 0 ? `Category ${id % 12}` : cats[id % cats.length], at, '2026-01-01');
    }
  })();
}

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
