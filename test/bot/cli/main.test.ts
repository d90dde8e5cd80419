import { describe, expect, it, beforeAll } from 'vitest';
import path from 'node:path';
import { main } from '../../../src/bot/cli/main.js';
import type { CliIo } from '../../../src/bot/cli/io.js';
import { buildTestDataset, tempDir } from '../../helpers/dataset.js';
import { REPLICATION } from '../../helpers/paths.js';

function io(env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const cwd = tempDir();
  const value: CliIo = {
    out: (s) => out.push(s),
    err: (s) => err.push(s),
    env: { HFBOT_LOG_LEVEL: 'error', ...env },
    cwd,
  };
  return { io: value, out, err, cwd };
}

describe('bot/cli/main', () => {
  let dbFile: string;
  beforeAll(async () => {
    dbFile = await buildTestDataset();
  });

  it('prints --help for every subcommand and exits 0', async () => {
    const { cliCommands } = await import('../../../src/bot/cli/main.js');
    for (const c of cliCommands) {
      const t = io();
      expect(await main([c.name, '--help'], t.io)).toBe(0);
      expect(t.out.join('\n')).toContain(`hfbot ${c.name}`);
    }
  });

  it('lists the subcommands when called without one (exit 2) and rejects unknown ones', async () => {
    const a = io();
    expect(await main([], a.io)).toBe(2);
    expect(a.out.join('\n')).toMatch(/ingest .*\n.*ask/s);
    const b = io();
    expect(await main(['ingst'], b.io)).toBe(2);
    expect(b.err.join('\n')).toContain('Unknown command "ingst"');
  });

  it('ingest --from DIR --db FILE builds the database', async () => {
    const t = io();
    const target = path.join(t.cwd, 'out.sqlite');
    expect(await main(['ingest', '--from', REPLICATION, '--db', target], t.io)).toBe(0);
    expect(t.out.join('\n')).toMatch(/Built dataset saner2024-[0-9a-f]{10} into .*out\.sqlite/);
  });

  it('ask --json prints one JSON object with text, data, provenance and chart', async () => {
    const t = io();
    expect(await main(['ask', '/dataset', '--json', '--db', dbFile], t.io)).toBe(0);
    const reply = JSON.parse(t.out.join(''));
    expect(Object.keys(reply).sort()).toEqual(['chart', 'data', 'provenance', 'text']);
    expect(reply.data.tables.codes).toBe(1183);
    expect(reply.provenance.datasetVersion).toMatch(/^saner2024-/);
  });

  it('ask exits 2 with the specific message on bad input', async () => {
    const t = io();
    expect(await main(['ask', '/datset', '--db', dbFile], t.io)).toBe(2);
    expect(t.err.join('\n')).toMatch(/Unknown command \/datset\. Commands: .*Did you mean "\/dataset"\?/);
  });

  it('ask exits 2 naming the missing database and how to build it', async () => {
    const t = io();
    expect(await main(['ask', '/dataset', '--db', '/nonexistent/x.sqlite'], t.io)).toBe(2);
    expect(t.err.join('\n')).toContain('No dataset at /nonexistent/x.sqlite. Build it with `hfbot ingest`');
  });

  it('rejects an unknown flag with the usage text', async () => {
    const t = io();
    expect(await main(['ask', '/dataset', '--jsn'], t.io)).toBe(2);
    expect(t.err.join('\n')).toMatch(/Unknown option '--jsn'[\s\S]*hfbot ask "<command>"/);
  });

  it('bench lists the benchmarks and names an unknown one', async () => {
    const a = io();
    expect(await main(['bench'], a.io)).toBe(0);
    expect(a.out.join('\n')).toMatch(/Benchmarks: .*commands.*render.*reply-latency/);
    const b = io();
    expect(await main(['bench', 'nope'], b.io)).toBe(2);
    expect(b.err.join('\n')).toMatch(/no benchmark "nope"\. Benchmarks: /);
  });

  it('ask --files DIR saves reply attachments such as the /code export CSV', async () => {
    const { copyFileSync, readFileSync } = await import('node:fs');
    const t = io();
    const db = path.join(t.cwd, 'coding.sqlite');
    copyFileSync(dbFile, db);
    expect(
      await main(['ask', '/code start name:t1 size:2 raters:ann,ben seed:1', '--db', db, '--user', 'olga'], t.io),
    ).toBe(0);
    expect(await main(['ask', '/code export t1', '--db', db, '--user', 'olga'], t.io)).toBe(0);
    expect(t.err.join('\n')).toMatch(/Attached: t1-codes\.csv \(\d+ bytes\); add --files DIR to save it\./);
    expect(await main(['ask', '/code export t1', '--db', db, '--user', 'olga', '--files', 'out'], t.io)).toBe(0);
    expect(readFileSync(path.join(t.cwd, 'out', 't1-codes.csv'), 'utf8').split('\r\n')[0]).toBe(
      'Topic#,Tag,Code,rater,category,subcategory,rater id',
    );
  });
});
