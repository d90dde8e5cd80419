/**
 * A labeller in its own process for the rebuild test: labels the given topics through the real
 * command path with its own dataset connection, opened once before any ingest, printing one line per acknowledged label ("ok <topic> <code>") or error,
 * pass after pass until <stopFile> exists.
 * Usage: node --import tsx label-loop.ts <dbFile> <round> <rater> <topic,...> <stopFile>
 */
import { existsSync } from 'node:fs';
import { runCommandText } from '../../../src/commands/run.js';
import { commands } from '../../../src/commands/index.js';
import { loadConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/logger.js';
import { createServices } from '../../../src/services.js';

const [dbFile, round, rater, topicList, stopFile] = process.argv.slice(2) as [string, string, string, string, string];
// Errors go to stderr as JSON lines, so a failure names its cause in the test's report.
const logger = createLogger({ level: 'error', format: 'json' });
const services = createServices(loadConfig({ HFBOT_DB: dbFile }, '/nonexistent'), logger, { dbFile });
const topics = topicList.split(',').map(Number);
for (let pass = 0; !existsSync(stopFile); pass++) {
  for (const t of topics) {
    if (existsSync(stopFile)) break;
    const code = `C${((t + pass) % 17) + 1}`;
    const r = await runCommandText(
      `/code label ${t} ${code} round:${round}`,
      { user: { id: rater, platform: 'web' }, services },
      commands,
    );
    process.stdout.write(r.error ? `error ${t} ${r.error.code} ${r.text}\n` : `ok ${t} ${code}\n`);
  }
}
services.db.close();
