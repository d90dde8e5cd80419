import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import { runCommandText } from '../../src/commands/run.js';
import { recompute } from '../../src/jobs/recompute.js';
import { refreshOffThread } from '../../src/jobs/refresh-off-thread.js';
import type { Services } from '../../src/services.js';
import { testServices, testUser } from '../helpers/dataset.js';
import { addBertTopics, addHubModels } from '../helpers/mined-rows.js';

/**
 * Issue 17 item 1: a refresh never blocks the bot. The recompute's series transaction is held open
 * for HOLD_MS on the worker (a slow recompute); meanwhile the bot's thread answers /trend from the
 * previous mined version. Bounds are generous (the machine is shared), and still far below HOLD_MS:
 * a recompute on the bot's thread, or a worker write that blocked readers, would fail them.
 */
const HOLD_MS = 3000;
const BOUND_MS = 600;

describe('jobs/refresh-off-thread', () => {
  let services: Services;
  beforeAll(async () => {
    services = await testServices();
    addHubModels(services.db, 3000);
    addBertTopics(services.db, 1, 200, '2026-01-01T00:00:00.000Z');
    recompute(services);
  });
  afterAll(() => services.db.close());

  const trend = async () => {
    const t0 = performance.now();
    const r = await runCommandText('/trend bert source:mined', { user: testUser(), services }, commands);
    expect(r.error).toBeUndefined();
    return { ms: performance.now() - t0, version: r.provenance!.datasetVersion };
  };

  it('answers commands from the previous version while the worker holds its commit, then from the new one', async () => {
    const before = (await trend()).version;
    addBertTopics(services.db, 201, 150);
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = performance.now();
    let done = false;
    const refreshing = refreshOffThread(services, {
      options: { skipForum: true, skipHub: true },
      holdCommitMs: HOLD_MS,
    }).finally(() => (done = true));
    const during: { ms: number; version: string }[] = [];
    while (!done) {
      during.push(await trend());
      await new Promise((r) => setTimeout(r, 20));
    }
    const result = await refreshing;
    const elapsed = performance.now() - started;
    delay.disable();
    const after = await trend();

    // The worker really was slow: it held its transaction for HOLD_MS.
    expect(elapsed).toBeGreaterThanOrEqual(HOLD_MS);
    expect(during.length).toBeGreaterThan(5);
    expect(Math.max(...during.map((d) => d.ms))).toBeLessThan(BOUND_MS);
    expect(delay.max / 1e6).toBeLessThan(BOUND_MS);
    // Every answer during the refresh names the version it read: the old one until the commit.
    expect(during[0]!.version).toBe(before);
    expect(new Set(during.map((d) => d.version))).toEqual(
      new Set(during.some((d) => d.version !== before) ? [before, result.derived.version] : [before]),
    );
    expect(result.derived.changed).toBe(true);
    expect(result.derived.version).not.toBe(before);
    expect(after.version).toBe(result.derived.version);
    expect(result.mentions.topics).toBe(150);
  }, 60_000);

  it('stops the worker mid-transaction when aborted, leaving the mined file unlocked', async () => {
    const log = services.logger as unknown as { lines: { msg: string }[] };
    addBertTopics(services.db, 401, 20, '2026-11-22T13:00:00.000Z');
    const seen = log.lines.length;
    const stop = new AbortController();
    const refreshing = refreshOffThread(services, {
      options: { skipForum: true, skipHub: true },
      holdCommitMs: 20_000,
      signal: stop.signal,
    });
    const holding = () =>
      log.lines.slice(seen).some((l) => l.msg === 'refresh worker: holding the series transaction open');
    while (!holding()) await new Promise((r) => setTimeout(r, 20));
    stop.abort(new Error('stopped'));
    await expect(refreshing).rejects.toThrow('stopped');
    // The held write lock went with the thread: an inline recompute gets it at once and sees the topics.
    const t0 = performance.now();
    const r = recompute(services);
    expect(performance.now() - t0).toBeLessThan(4000);
    expect(r.derived.mentions).toBe(370);
  }, 60_000);
});
