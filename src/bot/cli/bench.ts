import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { CliCommand } from './io.js';
import { benchSpec } from './specs.js';
import { msg } from '../../messages/index.js';
import { PROJECT_ROOT } from '../../data/ingest/sources.js';

const BENCH_DIR = path.join(PROJECT_ROOT, 'bench');

function benchmarks(): string[] {
  return existsSync(BENCH_DIR)
    ? readdirSync(BENCH_DIR)
        .filter((f) => f.endsWith('.ts'))
        .map((f) => f.slice(0, -3))
        .sort()
    : [];
}

/**
 * Runs one of bench/*.ts in its own process, through tsx (a development dependency), so each
 * benchmark measures a process of its own and prints its figures as it goes.
 */
export const benchCli: CliCommand = {
  ...benchSpec,
  async run(_values, positionals, io) {
    const [name, ...args] = positionals;
    const all = benchmarks();
    if (!name) {
      io.out(msg.cli.benchList(all));
      return 0;
    }
    if (!all.includes(name)) {
      io.err(msg.cli.benchUnknown(name, all));
      return 2;
    }
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(BENCH_DIR, `${name}.ts`), ...args], {
      cwd: PROJECT_ROOT,
      env: io.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (d: Buffer) => io.out(d.toString().replace(/\n$/, '')));
    child.stderr.on('data', (d: Buffer) => io.err(d.toString().replace(/\n$/, '')));
    return new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  },
};
