import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../src/commands/checks/rate-limit.js';

describe('commands/checks/rate-limit', () => {
  it('allows `limit` commands per user in a sliding window, then says how long to wait', () => {
    let t = 0;
    const rl = createRateLimiter({ limit: 3, windowMs: 60_000, now: () => t });
    expect(rl.check('a')).toEqual({ ok: true });
    t = 10_000;
    expect(rl.check('a').ok).toBe(true);
    t = 20_000;
    expect(rl.check('a').ok).toBe(true);
    t = 30_000;
    const no = rl.check('a');
    // The first hit (t=0) leaves the window at t=60 s: 30 s from now.
    expect(no).toEqual({ ok: false, retryAfterSeconds: 30, message: expect.stringContaining('30 s') });
    // Other users are independent.
    expect(rl.check('b').ok).toBe(true);
    t = 60_001;
    expect(rl.check('a').ok).toBe(true);
    expect(rl.check('a').ok).toBe(false);
  });

  it('rejected attempts do not extend the wait', () => {
    let t = 0;
    const rl = createRateLimiter({ limit: 1, windowMs: 1000, now: () => t });
    rl.check('u');
    for (t = 100; t < 1000; t += 100) expect(rl.check('u').ok).toBe(false);
    t = 1001;
    expect(rl.check('u').ok).toBe(true);
  });
});
