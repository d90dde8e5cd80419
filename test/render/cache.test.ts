import { describe, expect, it } from 'vitest';
import { canonicalJson, chartKey, PngCache } from '../../src/render/cache.js';
import { createChartRenderer, renderSpecUncached } from '../../src/render/render-chart.js';
import { renderReplyPng } from '../../src/render/reply-png.js';
import type { Reply, Services } from '../../src/commands/types.js';
import { memoryLogger } from '../../src/logger.js';
import { HfbotError } from '../../src/errors.js';
import { barSpec, pngSize } from './png-helpers.js';

const services = { logger: memoryLogger() } as unknown as Services;

describe('render/cache', () => {
  it('keys by dataset version and spec content, not by key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}',
    );
    expect(chartKey('v1', { a: 1, b: 2 })).toBe(chartKey('v1', { b: 2, a: 1 }));
    expect(chartKey('v1', { a: 1 })).not.toBe(chartKey('v2', { a: 1 }));
    expect(chartKey('v1', { a: 1 })).not.toBe(chartKey('v1', { a: 2 }));
    expect(chartKey('v1', {})).toMatch(/^[0-9a-f]{64}$/);
  });

  it('evicts the least recently used entry beyond its entry and byte bounds', () => {
    const c = new PngCache({ maxEntries: 2, maxBytes: 10 });
    c.set('a', new Uint8Array(4));
    c.set('b', new Uint8Array(4));
    c.get('a');
    c.set('c', new Uint8Array(4));
    expect([c.get('a') !== undefined, c.get('b') !== undefined, c.get('c') !== undefined]).toEqual([true, false, true]);
    c.set('d', new Uint8Array(8));
    expect(c.stats()).toMatchObject({ entries: 1, bytes: 8 });
    c.set('huge', new Uint8Array(11));
    expect(c.get('huge')).toBeUndefined();
  });

  it('a repeated chart returns identical bytes without rendering again', async () => {
    let renders = 0;
    const r = createChartRenderer({
      renderSpec: async (s) => {
        renders++;
        return renderSpecUncached(s);
      },
    });
    const first = await r.render(barSpec('Cached'), 'v1');
    const again = await r.render(barSpec('Cached'), 'v1');
    expect(renders).toBe(1);
    expect([first.cached, again.cached]).toEqual([false, true]);
    expect(Buffer.from(again.png).equals(Buffer.from(first.png))).toBe(true);
    // Callers get their own copy: scribbling on it cannot corrupt the cache.
    again.png.fill(0);
    expect(Buffer.from((await r.render(barSpec('Cached'), 'v1')).png).equals(Buffer.from(first.png))).toBe(true);
    await r.render(barSpec('Cached'), 'v2');
    expect(renders).toBe(2);
  });

  it('simultaneous identical requests share one render; a failure is not cached', async () => {
    let renders = 0;
    let fail = true;
    const r = createChartRenderer({
      renderSpec: async () => {
        renders++;
        await new Promise((res) => setTimeout(res, 20));
        if (fail) throw new Error('boom');
        return new Uint8Array([1, 2, 3]);
      },
    });
    const failed = await Promise.allSettled([r.render({ x: 1 }, 'v'), r.render({ x: 1 }, 'v')]);
    expect(failed.map((f) => f.status)).toEqual(['rejected', 'rejected']);
    expect(renders).toBe(1);
    fail = false;
    const ok = await Promise.all([r.render({ x: 1 }, 'v'), r.render({ x: 1 }, 'v')]);
    expect(ok.map((o) => [...o.png])).toEqual([
      [1, 2, 3],
      [1, 2, 3],
    ]);
    expect(renders).toBe(2);
  });

  it('renderReplyPng renders a reply chart and names the problem when there is none', async () => {
    const reply: Reply = {
      text: 't',
      data: {},
      chart: barSpec('Reply'),
      provenance: { datasetVersion: 'v9', sources: ['unit'] },
    };
    const r = createChartRenderer();
    const png = await renderReplyPng(reply, services, r);
    expect(pngSize(png).width).toBeGreaterThan(1000);
    expect(r.cache.stats().entries).toBe(1);
    await expect(renderReplyPng({ ...reply, chart: null }, services, r)).rejects.toBeInstanceOf(HfbotError);
    const bad = await renderReplyPng({ ...reply, chart: { mark: 'nope' } }, services, r).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(HfbotError);
    expect((bad as HfbotError).code).toBe('E_INTERNAL');
  });
});
