/**
 * The web chat's reply cache (issue 14 item 6, issue 13 item 3): each user's own recent replies
 * stay downloadable whatever others do; bounded per user and in all by bytes, chart PNGs counted;
 * through the real server, a user's chart and CSV outlive 250 replies to someone else, and one user
 * asking for many charts at once gets a specific "busy" answer while others get theirs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/commands/types.js';
import { createReplyCache } from '../../../src/bot/web/reply-cache.js';
import { toWebReply } from '../../../src/bot/web/reply-json.js';
import { createWebChat, type RunningWeb } from '../../../src/bot/web/server.js';
import { createChartRenderer } from '../../../src/render/render-chart.js';
import { renderReplyPng } from '../../../src/render/reply-png.js';
import { testServices } from '../../helpers/dataset.js';
import { PNG_1X1, testCommands } from '../test-commands.js';

const KiB = 1024;
const reply = (text: string, pad = 0): Reply => ({
  text: text + 'x'.repeat(pad),
  data: {},
  provenance: null,
  table: { columns: ['a'], rows: [[1]] },
  chart: { mark: 'bar' },
});

describe('bot/web/reply-cache', () => {
  it("keeps each user's own recent replies however many replies others get", () => {
    const c = createReplyCache({ userReplies: 100 });
    const mine = c.put(reply('ann 1'), '/plot', 'ann');
    const bobs = Array.from({ length: 300 }, (_, i) => c.put(reply(`bob ${i}`), '/echo', 'bob'));
    expect(c.get(mine.id)?.reply.text).toBe('ann 1');
    // Bob keeps his own last 100, not the other way round.
    expect(c.get(bobs[0]!.id)).toBeUndefined();
    expect(c.get(bobs[199]!.id)).toBeUndefined();
    expect(c.get(bobs[200]!.id)?.reply.text).toBe('bob 200');
    expect(c.size).toBe(101);
  });

  it("bounds one user's share by bytes, counting each reply's JSON", () => {
    const c = createReplyCache({ userBytes: 1000 * KiB, maxBytes: 10_000 * KiB });
    const ids = Array.from({ length: 10 }, (_, i) => c.put(reply(`r${i}`, 300 * KiB), '/x', 'ann').id);
    const kept = ids.filter((id) => c.get(id));
    expect(kept).toEqual(ids.slice(-3));
    expect(c.bytes).toBeLessThanOrEqual(1000 * KiB);
    expect(c.bytes).toBeGreaterThan(900 * KiB);
  });

  it('counts a chart PNG once drawn: it can push out that user’s oldest replies, never another user’s', () => {
    const c = createReplyCache({ userBytes: 1000 * KiB, maxBytes: 10_000 * KiB });
    const bob = c.put(reply('bob'), '/x', 'bob');
    const old = c.put(reply('old', 200 * KiB), '/x', 'ann');
    const recent = c.put(reply('recent', 200 * KiB), '/x', 'ann');
    const before = c.bytes;
    c.addPng(recent, Buffer.alloc(700 * KiB));
    expect(c.bytes).toBeGreaterThan(before + 400 * KiB);
    expect(c.get(recent.id)?.bytes).toBeGreaterThan(900 * KiB);
    expect(c.get(old.id)).toBeUndefined();
    expect(c.get(bob.id)).toBeDefined();
  });

  it('bounds all users together; the least recently active user goes first', () => {
    const c = createReplyCache({ userBytes: 1000 * KiB, maxBytes: 2000 * KiB });
    const a = c.put(reply('a', 800 * KiB), '/x', 'ann');
    const b = c.put(reply('b', 800 * KiB), '/x', 'bob');
    c.get(a.id); // ann is active again
    const d = c.put(reply('d', 800 * KiB), '/x', 'dee');
    expect(c.get(b.id)).toBeUndefined();
    expect(c.get(a.id)).toBeDefined();
    expect(c.get(d.id)).toBeDefined();
    expect(c.bytes).toBeLessThanOrEqual(2000 * KiB);
    expect(c.size).toBe(2);
  });

  it('answers a reply larger than a user’s share without download links that would 404', () => {
    const c = createReplyCache({ userBytes: 100 * KiB });
    const big = c.put(reply('huge', 200 * KiB), '/code agreement', 'ann');
    expect(big.kept).toBe(false);
    expect(c.get(big.id)).toBeUndefined();
    const json = toWebReply(big);
    expect(json.text.startsWith('huge')).toBe(true);
    expect([json.chartUrl, json.csvUrl]).toEqual([null, null]);
  });
});

describe('bot/web/reply-cache through the server', () => {
  let services: Awaited<ReturnType<typeof testServices>>;
  let web: RunningWeb;
  const gates: (() => void)[] = [];
  let slow = false;
  let renderer: ReturnType<typeof createChartRenderer>;

  beforeAll(async () => {
    services = await testServices();
    // The real per-user limit (1 here), with a renderer that waits for the test when `slow`.
    renderer = createChartRenderer({
      perOwner: 1,
      renderSpec: () => (slow ? new Promise((res) => gates.push(() => res(PNG_1X1))) : Promise.resolve(PNG_1X1)),
    });
    web = await createWebChat(services, {
      host: '127.0.0.1',
      port: 0,
      limiter: null,
      commands: testCommands().commands,
      renderPng: (r, s, o) => renderReplyPng(r, s, { renderer, ...(o?.owner ? { owner: o.owner } : {}) }),
    });
  });
  afterAll(async () => {
    await web?.close();
    services?.db.close();
  });

  async function ask(text: string, user: string) {
    const res = await fetch(new URL('/api/ask', web.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text, user }),
    });
    return (await res.json()) as { chartUrl: string | null; csvUrl: string | null };
  }

  it("a user's chart and CSV outlive 250 replies to someone else (the old cache kept 200 server-wide)", async () => {
    const mine = await ask('/plot', 'ann');
    for (let i = 0; i < 250; i++) await ask(`/echo ${i}`, 'bob');
    expect((await fetch(new URL(mine.chartUrl!, web.url))).status).toBe(200);
    const health = await (await fetch(new URL('/healthz', web.url))).json();
    expect(health.replies).toBeLessThanOrEqual(101);
    expect(health.cacheBytes).toBeGreaterThan(0);
  });

  it('one user asking for two charts at once gets one, and a specific 429 for the other; another user is served', async () => {
    slow = true;
    // Nothing from the test before may come from the PNG cache: every chart here is really drawn.
    renderer.cache.clear();
    const a = await ask('/plot kind:bar', 'carl');
    const b = await ask('/plot kind:line', 'carl');
    const c = await ask('/plot kind:line', 'dora');
    const first = fetch(new URL(a.chartUrl!, web.url));
    await new Promise((r) => setTimeout(r, 100));
    const second = await fetch(new URL(b.chartUrl!, web.url));
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toBe('5');
    const body = await second.json();
    expect(body.error).toEqual({
      code: 'E_BUSY',
      message:
        'The chart was not drawn: you already have 1 chart being drawn. The numbers above are complete; ask again for the chart when those are done.',
    });
    const other = fetch(new URL(c.chartUrl!, web.url));
    await new Promise((r) => setTimeout(r, 100));
    for (const g of gates) g();
    expect((await first).status).toBe(200);
    expect((await other).status).toBe(200);
    slow = false;
    // Once the first is drawn, asking again for the refused one works.
    expect((await fetch(new URL(b.chartUrl!, web.url))).status).toBe(200);
  });
});
