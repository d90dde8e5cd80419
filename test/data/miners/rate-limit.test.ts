import { describe, expect, it } from 'vitest';
import {
  askedWait,
  discourseWaitSeconds,
  parseRateLimit,
  parseRetryAfter,
  resetWait,
} from '../../../src/data/miners/rate-limit.js';

const h = (o: Record<string, string>) => new Headers(o);

describe('data/miners/rate-limit', () => {
  it("reads the Hub's RateLimit and RateLimit-Policy headers as huggingface_hub does", () => {
    // The example in huggingface_hub's parse_ratelimit_headers docstring: remaining 0, reset in 55 s.
    const info = parseRateLimit(
      h({ ratelimit: '"api";r=0;t=55', 'ratelimit-policy': '"fixed window";"api";q=500;w=300' }),
    );
    expect(info).toEqual({ remaining: 0, resetS: 55, quota: 500, windowS: 300 });
    expect(parseRateLimit(h({ ratelimit: '"resolvers";r=12;t=3' }))).toEqual({ remaining: 12, resetS: 3 });
    expect(parseRateLimit(h({ ratelimit: 'garbage' }))).toBeUndefined();
    expect(parseRateLimit(h({}))).toBeUndefined();
  });

  it('waits until the window resets plus a second, never longer than the policy window', () => {
    expect(resetWait({ remaining: 0, resetS: 55, windowS: 300 })).toBe(56_000);
    // A reset further away than the window itself is a bad header: one window always clears it.
    expect(resetWait({ remaining: 0, resetS: 9000, windowS: 300 })).toBe(301_000);
    expect(resetWait({ remaining: 0, resetS: 10 })).toBe(11_000);
  });

  it('a 429 asks for: RateLimit (when spent), else Retry-After, else Discourse extras.wait_seconds', () => {
    const hub = h({ ratelimit: '"api";r=0;t=120', 'ratelimit-policy': '"fixed window";"api";q=1000;w=300' });
    expect(askedWait(hub, '{"error":"rate limited"}', 0)).toEqual({
      ms: 121_000,
      source: 'RateLimit reset in 120 s, window 300 s',
    });
    // A RateLimit header with requests left says nothing about this 429: Retry-After decides.
    expect(askedWait(h({ ratelimit: '"api";r=5;t=120', 'retry-after': '7' }), '', 0)?.ms).toBe(7000);
    // Discourse's controller body (ApplicationController, RateLimiter::LimitExceeded) without its header.
    const body =
      '{"errors":["Slow down"],"error_type":"rate_limit","extras":{"wait_seconds":9,"time_left":"9 seconds"}}';
    expect(discourseWaitSeconds(body)).toBe(9);
    expect(askedWait(h({}), body, 0)).toEqual({ ms: 9000, source: 'wait_seconds 9' });
    expect(askedWait(h({}), 'Slow down, too many requests from this IP address.', 0)).toBeUndefined();
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('120', 0)).toBe(120_000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('2015-10-21T07:28:00Z'))).toBe(10_000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
  });
});
