import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { CliCommand } from './io.js';
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
  name: 'bench',
  summary: 'Run a benchmark from bench/ (commands, render, reply-latency, ingest, hub-ingest, mentions)',
  usage: [
    'hfbot bench <name> [args...]',
    '',
    '  hfbot bench            list the benchmarks',
    '  hfbot bench render 30  run bench/render.ts with its own arguments',
    '',
    'Benchmarks print figures; they need a development install (npm ci installs tsx).',
  ].join('\n'),
  options: {},
  async run(_values, positionals, io) {
    const [name, ...args] = positionals;
    const all = benchmarks();
    if (!name) {
      io.out(`Benchmarks: ${all.join(', ')}.\nRun one with: hfbot bench <name> [args...]`);
      return 0;
    }
    if (!all.includes(name)) {
      io.err(`hfbot bench: no benchmark "${name}". Benchmarks: ${all.join(', ')}.`);
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
