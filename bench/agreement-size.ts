/**
 * /code agreement with many raters (issue 14 item 6): how big the answer is and how long it
 * takes, now that at most 25 rater pairs are listed and every pair goes into an attached CSV.
 * Before the cap, 300 raters made a 6.4 MB reply (44,850 pairs listed three times).
 * Prints, per rater count: median ms over `runs`, the Reply as JSON, the web chat's JSON (files
 * are links there), the pairs CSV, and the Discord / Slack message payloads.
 * Run: npx tsx bench/agreement-size.ts [runs]
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
import { createPipeline } from '../src/commands/pipeline.js';
import { discordPayload } from '../src/bot/discord/reply-message.js';
import { slackMessage } from '../src/bot/slack/blocks.js';
import { createActionStore } from '../src/bot/action-store.js';

const runs = Number(process.argv[2] ?? 5);
const dir = mkdtempSync(path.join(os.tmpdir(), 'hfbot-bench-'));
const dbFile = path.join(dir, 'hfbot.sqlite');
const source = process.env.HFBOT_REPLICATION_DIR ?? path.resolve(PROJECT_ROOT, '../shared/saner2024');
await buildDataset({ sourceDir: source, sourceKind: 'flag', dbFile, logger: silentLogger });
const services = {
  db: openDatabase(dbFile),
  logger: silentLogger,
  config: loadConfig({ HFBOT_DB: dbFile, HFBOT_COMMAND_TIMEOUT_MS: '600000' }, dir),
  now: () => new Date(),
};
const pipeline = createPipeline({ services, commands });
const caller = { user: { id: 'olga', platform: 'cli' as const } };
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

console.log('raters  pairs    p50 ms   Reply JSON   web JSON   pairs CSV   Discord   Slack');
for (const n of [10, 100, 300]) {
  const name = `bench${n}`;
  const raters = Array.from({ length: n }, (_, i) => `rater${i}`);
  await pipeline.run({ text: `/code start name:${name} size:5 raters:${raters.join(',')} seed:${name}` }, caller);
  const round = services.db.prepare('SELECT id FROM rounds WHERE name = ?').get(name) as { id: number };
  const topics = services.db
    .prepare('SELECT topic_id FROM round_topics WHERE round_id = ? ORDER BY position')
    .all(round.id) as { topic_id: number }[];
  const insert = services.db.prepare(
    'INSERT INTO labels (round_id, topic_id, rater, code, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  // The round stores its raters as namespaced references (cli:rater0); labels must use them.
  const refs = raters.map((r) => `cli:${r}`);
  const stored = services.db
    .prepare('SELECT count(*) AS n FROM round_raters WHERE round_id = ? AND rater IN (SELECT value FROM json_each(?))')
    .get(round.id, JSON.stringify(refs)) as { n: number };
  if (stored.n !== n) throw new Error(`bench: round ${name} holds ${stored.n} of the ${n} rater references`);
  services.db.transaction(() => {
    for (const [j, t] of topics.entries())
      for (const [i, r] of refs.entries()) insert.run(round.id, t.topic_id, r, `C${1 + ((i * 7 + j) % 4)}`, 'x');
  })();
  const times: number[] = [];
  let reply = await pipeline.run({ text: `/code agreement ${name}` }, caller);
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    reply = await pipeline.run({ text: `/code agreement ${name}` }, caller);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const { files, ...rest } = reply;
  const csv = files?.[0]?.content.length ?? 0;
  const d = discordPayload(reply, [], createActionStore(), { raw: `/code agreement ${name}` });
  const s = slackMessage(reply, createActionStore(), { raw: `/code agreement ${name}` });
  console.log(
    [
      String(n).padStart(6),
      String((n * (n - 1)) / 2).padStart(6),
      times[Math.floor(times.length / 2)]!.toFixed(0).padStart(9),
      kb(JSON.stringify(reply).length).padStart(12),
      kb(JSON.stringify(rest).length).padStart(10),
      kb(csv).padStart(11),
      kb(JSON.stringify({ embeds: d.embeds, components: d.components }).length).padStart(9),
      kb(JSON.stringify(s.blocks).length).padStart(7),
    ].join(' '),
  );
}
services.db.close();
