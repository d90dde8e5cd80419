/**
 * A separate process for the crash test: labels the given topics through the real command
 * path, prints each confirmation, then kills itself with SIGKILL (no clean shutdown).
 * Usage: node --import tsx label-worker.ts <dbFile> <round> <rater> <topic,...> <killAfter>
 */
import { runCommandText } from '../../../src/commands/run.js';
import { commands } from '../../../src/commands/index.js';
import { openDatabase } from '../../../src/data/db.js';
import { loadConfig } from '../../../src/config.js';
import { silentLogger } from '../../../src/logger.js';

const [dbFile, round, rater, topicList, killAfter] = process.argv.slice(2) as [string, string, string, string, string];
const services = {
  db: openDatabase(dbFile),
  logger: silentLogger,
  config: loadConfig({ HFBOT_DB: dbFile }, '/nonexistent'),
  now: () => new Date(),
};
let done = 0;
for (const t of topicList.split(',')) {
  const r = await runCommandText(
    `/code label ${t} C${(Number(t) % 17) + 1} round:${round}`,
    { user: { id: rater, platform: 'test' }, services },
    commands,
  );
  if (r.error) process.stdout.write(`error ${t} ${r.error.code}\n`);
  else process.stdout.write(`ok ${t}\n`);
  if (++done >= Number(killAfter)) process.kill(process.pid, 'SIGKILL');
}
