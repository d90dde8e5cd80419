/**
 * One step of bench/scale.ts in a process of its own, so its peak RSS is its own:
 *   recompute <dataset>          the derived statistics, on the main thread (`hfbot mine stats`)
 *   ingest <dataset> <package>   `hfbot ingest` onto the dataset
 * Prints one JSON line: { ms, peakRssMiB, ... }.
 */
import { main } from '../../src/bot/cli/main.js';
import { openDatabase } from '../../src/data/db.js';
import { recompute } from '../../src/jobs/recompute.js';

const [step, dbFile, from] = process.argv.slice(2) as [string, string, string | undefined];
const peak = () => Math.round(process.resourceUsage().maxRSS / 1024);
const rssBefore = peak();

if (step === 'recompute') {
  const db = openDatabase(dbFile);
  const t0 = performance.now();
  const r = recompute({ db, now: () => new Date() });
  const ms = performance.now() - t0;
  db.close();
  process.stdout.write(`${JSON.stringify({ ms, peakRssMiB: peak(), rssBeforeMiB: rssBefore, ...r })}\n`);
} else if (step === 'ingest') {
  // Loaded before the clock starts (tsx compiles on first import): the figure is ingest's work.
  await import('../../src/bot/cli/ingest.js');
  const t0 = performance.now();
  const code = await main(['ingest', '--from', from!, '--db', dbFile], {
    out: () => undefined,
    err: (l: string) => process.stderr.write(`${l}\n`),
    env: { HFBOT_LOG_LEVEL: 'error' },
    cwd: process.cwd(),
  });
  const ms = performance.now() - t0;
  process.stdout.write(`${JSON.stringify({ ms, code, peakRssMiB: peak() })}\n`);
  process.exitCode = code;
} else {
  throw new Error(`unknown step ${step}`);
}
