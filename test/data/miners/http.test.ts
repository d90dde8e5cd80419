import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MalformedResponseError, PoliteHttp, parseRetryAfter, virtualClock } from '../../../src/data/miners/http.js';
import { HfbotError } from '../../../src/errors.js';
import { startFaultyServer, type FaultyServer } from '../../helpers/fake-discourse.js';

describe('data/miners/http', () => {
  let srv: FaultyServer;
  beforeAll(async () => {
    srv = await startFaultyServer((url) => ({
      status: url.pathname === '/missing' ? 404 : 200,
      body: JSON.stringify({ path: url.pathname, pad: 'x'.repeat(2000) }),
    }));
  });
  afterAll(() => srv.close());

  const client = (o: ConstructorParameters<typeof PoliteHttp>[0] = {}) => {
    const clock = virtualClock(1_000_000);
    return { http: new PoliteHttp({ now: clock.now, sleep: clock.sleep, timeoutMs: 2000, ...o }), clock };
  };

  it('spaces requests at the configured rate (50/min = one per 1.2 s of virtual time)', async () => {
    const { http, clock } = client();
    for (let i = 0; i < 5; i++) await http.getJson(`${srv.base}/ok/${i}`);
    expect(http.stats.requests).toBe(5);
    // The first request goes at once; each later one waits a full interval.
    expect(clock.now() - 1_000_000).toBe(4 * 1200);
  });

  it('honours Retry-After in seconds on 429 and on 503', async () => {
    const { http, clock } = client({ requestsPerMinute: 1e9 });
    srv.inject({ kind: 'status', status: 429, retryAfter: '7', match: (p) => p === '/ra' });
    srv.inject({ kind: 'status', status: 503, retryAfter: '3', match: (p) => p === '/ra' });
    const { json } = await http.getJson(`${srv.base}/ra`);
    expect(json).toMatchObject({ path: '/ra' });
    expect(clock.slept.filter((ms) => ms >= 1000)).toEqual([7000, 3000]);
    expect(http.stats).toMatchObject({ requests: 3, retries: 2, byStatus: { '429': 1, '503': 1, '200': 1 } });
  });

  it('parses Retry-After as an HTTP date', () => {
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('2015-10-21T07:28:00Z'))).toBe(10_000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
  });

  it('backs off exponentially on 500, a cut body and a reset connection, then succeeds', async () => {
    const { http, clock } = client({ requestsPerMinute: 1e9, backoffBaseMs: 500 });
    const m = (p: string) => p === '/flaky';
    srv.inject({ kind: 'status', status: 500, match: m });
    srv.inject({ kind: 'truncate', match: m });
    srv.inject({ kind: 'reset', match: m });
    const { json } = await http.getJson(`${srv.base}/flaky`);
    expect(json).toMatchObject({ path: '/flaky' });
    expect(clock.slept.filter((ms) => ms >= 1)).toEqual([500, 1000, 2000]);
    expect(http.stats.requests).toBe(4);
  });

  it('times out a slow response and retries it', async () => {
    const { http } = client({ requestsPerMinute: 1e9, timeoutMs: 150 });
    srv.inject({ kind: 'slow', delayMs: 600, match: (p) => p === '/slow' });
    const { json } = await http.getJson(`${srv.base}/slow`);
    expect(json).toMatchObject({ path: '/slow' });
    expect(http.stats.requests).toBe(2);
  });

  it('gives up after maxTries with the URL and the last error', async () => {
    const { http } = client({ requestsPerMinute: 1e9, maxTries: 3 });
    srv.inject({ kind: 'status', status: 502, times: 3, match: (p) => p === '/down' });
    const err = await http.get(`${srv.base}/down`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HfbotError);
    expect((err as HfbotError).code).toBe('E_NETWORK');
    expect((err as Error).message).toBe(`Gave up on ${srv.base}/down after 3 tries (last error: HTTP 502).`);
    expect(http.stats.requests).toBe(3);
  });

  it("waits out the Hub's RateLimit 429 (no Retry-After) until the window resets, and shows the wait", async () => {
    const waits: { ms: number; kind: string; detail: string }[] = [];
    const { http, clock } = client({ requestsPerMinute: 1e9, onWait: (w) => waits.push(w) });
    const headers = { ratelimit: '"api";r=0;t=42', 'ratelimit-policy': '"fixed window";"api";q=500;w=300' };
    srv.inject({ kind: 'status', status: 429, headers, body: '{"error":"rate limited"}', match: (p) => p === '/hub' });
    const { json } = await http.getJson(`${srv.base}/hub`);
    expect(json).toMatchObject({ path: '/hub' });
    // t + 1 s, as huggingface_hub waits; not the 1 s exponential backoff.
    expect(clock.slept.filter((ms) => ms >= 1000)).toEqual([43_000]);
    expect(waits).toEqual([
      {
        url: `${srv.base}/hub`,
        ms: 43_000,
        kind: 'rate-limit',
        detail: 'HTTP 429, RateLimit reset in 42 s, window 300 s',
      },
    ]);
  });

  it('pauses before the next request when a success says the window is spent', async () => {
    const { http, clock } = client({ requestsPerMinute: 1e9 });
    srv.inject({
      kind: 'status',
      status: 200,
      headers: { ratelimit: '"api";r=0;t=30' },
      body: '{}',
      match: (p) => p === '/spent',
    });
    await http.get(`${srv.base}/spent`);
    await http.get(`${srv.base}/after`);
    expect(clock.slept.filter((ms) => ms >= 1000)).toEqual([31_000]);
  });

  it('stops after a bounded number of 429s in a row, naming the URL and the status', async () => {
    const { http, clock } = client({ requestsPerMinute: 1e9, maxRateLimitWaits: 4 });
    srv.inject({ kind: 'status', status: 429, retryAfter: '2', times: 10, match: (p) => p === '/always' });
    const err = (await http.get(`${srv.base}/always`).catch((e: unknown) => e)) as HfbotError;
    expect(err.code).toBe('E_RATE_LIMITED');
    expect(err.message).toBe(
      `${srv.base}/always answered HTTP 429 (rate limited) 4 times in a row, each after waiting what it asked; stopped.`,
    );
    expect(http.stats.requests).toBe(4);
    expect(clock.slept.filter((ms) => ms >= 1000)).toEqual([2000, 2000, 2000]);
  });

  it('refuses to wait out an unreasonable Retry-After', async () => {
    const { http } = client({ requestsPerMinute: 1e9, maxRetryAfterMs: 60_000 });
    srv.inject({ kind: 'status', status: 429, retryAfter: '3600', match: (p) => p === '/long' });
    const err = (await http.get(`${srv.base}/long`).catch((e: unknown) => e)) as HfbotError;
    expect(err.code).toBe('E_RATE_LIMITED');
    expect(err.message).toContain('3600 s');
  });

  it('reports a complete but malformed body with its URL, without retrying', async () => {
    const { http } = client({ requestsPerMinute: 1e9 });
    srv.inject({ kind: 'badjson', match: (p) => p === '/bad' });
    const err = await http.getJson(`${srv.base}/bad`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MalformedResponseError);
    expect((err as MalformedResponseError).url).toBe(`${srv.base}/bad`);
    expect(http.stats.requests).toBe(1);
  });

  it('returns 404 to the caller without retrying', async () => {
    const { http } = client({ requestsPerMinute: 1e9 });
    const res = await http.get(`${srv.base}/missing`);
    expect(res.status).toBe(404);
    expect(http.stats.requests).toBe(1);
  });
});
