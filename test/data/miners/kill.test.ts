import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTestDataset } from '../../helpers/dataset.js';
import { generateTopics, startFakeDiscourse, type FakeDiscourse } from '../../helpers/fake-discourse.js';
import { hubIdOf, startFakeHub, type FakeHub } from '../../helpers/fake-hub.js';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../helpers/cli-child.ts');

function cli(
  args: string[],
  env: Record<string, string> = {},
): ChildProcess & { done: Promise<{ code: number | null; signal: string | null; out: string }> } {
  const p = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, HFBOT_LOG_FORMAT: 'json', HFBOT_LOG_LEVEL: 'warn', ...env },
  });
  let out = '';
  p.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  p.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const done = new Promise<{ code: number | null; signal: string | null; out: string }>((resolve) =>
    p.on('close', (code, signal) => resolve({ code, signal, out })),
  );
  return Object.assign(p, { done });
}

/** Polls the database (read-only, beside the writer) until `ready` holds, then kills the writer with SIGKILL. */
async function killWhen(p: ReturnType<typeof cli>, file: string, ready: (db: Database.Database) => boolean) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    let hit = false;
    try {
      const db = new Database(file, { readonly: true, timeout: 2000 });
      hit = ready(db);
      db.close();
    } catch {
      // Busy or mid-write: look again.
    }
    if (hit) {
      p.kill('SIGKILL');
      return (await p.done).signal;
    }
  }
  p.kill('SIGKILL');
  throw new Error(`never reached the kill point: ${(await p.done).out}`);
}

const q = (file: string, sql: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
};

describe('miners killed with SIGKILL mid-run (the CLI in a child process)', () => {
  let fd: FakeDiscourse | undefined;
  let hub: FakeHub | undefined;
  afterEach(async () => {
    await Promise.all([fd?.close(), hub?.close()]);
    fd = hub = undefined;
  });

  it('hfbot mine forum: a rerun after kill -9 finishes the crawl with nothing lost and nothing twice', async () => {
    const topics = generateTopics(600, 21);
    fd = await startFakeDiscourse(topics);
    const file = await buildTestDataset();
    // 300 requests a minute: one every 200 ms, so the sweep outlasts a 2-second commit and is still going when the kill comes.
    const first = cli(['mine', 'forum', '--base-url', fd.base, '--rate', '300', '--db', file]);
    const signal = await killWhen(first, file, (db) => {
      const cp = db.prepare('SELECT run_phase, run_before FROM forum_checkpoint').get() as
        | { run_phase: string; run_before: number | null }
        | undefined;
      return cp?.run_phase === 'posts' && cp.run_before !== null;
    });
    expect(signal).toBe('SIGKILL');
    const midway = q(file, 'SELECT count(*) AS n FROM forum_posts')[0]!.n as number;
    const regular = topics.flatMap((t) => t.posts.filter((p) => (p.post_type ?? 1) === 1).map((p) => p.id));
    expect(midway).toBeGreaterThan(0);
    expect(midway).toBeLessThan(regular.length);
    const listingBefore = fd.count('latest');

    const again = cli(['mine', 'forum', '--base-url', fd.base, '--rate', '6000', '--db', file]);
    const { code, out } = await again.done;
    expect(code, out).toBe(0);
    // It resumed in the sweep: the listing was not read again.
    expect(fd.count('latest')).toBe(listingBefore);
    const ids = q(file, 'SELECT id FROM forum_posts ORDER BY id').map((r) => r.id as number);
    expect(ids).toEqual([...regular].sort((a, b) => a - b));
    expect(q(file, 'SELECT count(*) AS n, count(DISTINCT id) AS d FROM forum_topics')[0]).toEqual({ n: 600, d: 600 });
    expect(q(file, 'SELECT run_phase, max_post_id FROM forum_checkpoint')[0]).toEqual({
      run_phase: null,
      max_post_id: Math.max(...regular),
    });
  }, 120_000);

  it('hfbot mine hub: a rerun after kill -9 resumes at the last commit and stores every model once', async () => {
    const N = 30_000;
    hub = await startFakeHub(N);
    const file = await buildTestDataset();
    // 300 pages a minute: a page every 200 ms, a commit every 2 s.
    const first = cli(['mine', 'hub', '--base-url', hub.base, '--rate', '300', '--db', file]);
    const signal = await killWhen(
      first,
      file,
      (db) => (db.prepare('SELECT count(*) FROM hub_models').pluck().get() as number) >= 5000,
    );
    expect(signal).toBe('SIGKILL');
    const committed = q(file, 'SELECT count(*) AS n FROM hub_models')[0]!.n as number;
    expect(committed).toBeLessThan(N);
    const pagesBefore = hub.pages();

    const again = cli(['mine', 'hub', '--base-url', hub.base, '--rate', '6000', '--db', file]);
    const { code, out } = await again.done;
    expect(code, out).toBe(0);
    // Resumed at the page after the last commit: only the pages not committed are read.
    expect(hub.pages() - pagesBefore).toBe(N / 1000 - committed / 1000);
    const ids = q(file, 'SELECT hub_id FROM hub_models ORDER BY hub_id').map((r) => r.hub_id as string);
    expect(ids).toEqual(Array.from({ length: N }, (_, i) => hubIdOf(i)).sort());
    expect(q(file, 'SELECT run_next_url FROM hub_checkpoint')[0]).toEqual({ run_next_url: null });
  }, 120_000);
});
