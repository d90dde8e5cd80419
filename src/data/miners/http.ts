/**
 * The one HTTP client both miners use: polite (a minimum interval between requests, and a pause
 * when a RateLimit header says the window is spent), patient (the wait a 429/503 asks for, see
 * rate-limit.ts; exponential backoff on 5xx, timeouts and dropped connections) and bounded (gives
 * up after `maxTries` failures or `maxRateLimitWaits` 429s with a message naming the URL and the
 * status). Clock and sleep are injected so tests run retries and rate limits in virtual time.
 */
import { HfbotError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { silentLogger } from '../../logger.js';
import { mining } from '../../messages/mining.js';
import { askedWait, parseRateLimit, resetWait, type AskedWait } from './rate-limit.js';
import { parseJsonBody, type HttpResponse } from './response.js';

export { parseRetryAfter } from './rate-limit.js';
export { virtualClock } from './clock.js';
export { MalformedResponseError, parseJsonBody, type HttpResponse } from './response.js';

export interface WaitEvent {
  url: string;
  ms: number;
  /** 'rate-limit' when the server asked for it, 'retry' for our own backoff. */
  kind: 'rate-limit' | 'retry';
  detail: string;
}

export interface HttpOptions {
  /** Default 50: under the 60 per minute the issue asks for. */
  requestsPerMinute?: number;
  maxTries?: number;
  /** 429s in a row for one URL before the run stops (each waits what the server asked). */
  maxRateLimitWaits?: number;
  timeoutMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** A wait longer than this is not waited out: the run stops with a clear error. */
  maxRetryAfterMs?: number;
  headers?: Record<string, string>;
  logger?: Logger;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Every wait of a second or more that is not the ordinary spacing (the progress line shows it). */
  onWait?: (w: WaitEvent) => void;
}

export interface HttpStats {
  /** Every attempt that went on the wire, retries included. */
  requests: number;
  retries: number;
  byStatus: Record<string, number>;
  waitedMs: number;
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

class Transient extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly asked?: AskedWait,
  ) {
    super(message);
  }
}

type Resolved = Required<Omit<HttpOptions, 'headers' | 'logger' | 'onWait'>> & {
  headers: Record<string, string>;
  logger: Logger;
  onWait?: (w: WaitEvent) => void;
};

export class PoliteHttp {
  readonly stats: HttpStats = { requests: 0, retries: 0, byStatus: {}, waitedMs: 0 };
  private readonly o: Resolved;
  private nextSlot = 0;

  constructor(opts: HttpOptions = {}) {
    this.o = {
      requestsPerMinute: opts.requestsPerMinute ?? 50,
      maxTries: opts.maxTries ?? 5,
      maxRateLimitWaits: opts.maxRateLimitWaits ?? 6,
      timeoutMs: opts.timeoutMs ?? 30_000,
      backoffBaseMs: opts.backoffBaseMs ?? 1_000,
      backoffMaxMs: opts.backoffMaxMs ?? 60_000,
      maxRetryAfterMs: opts.maxRetryAfterMs ?? 10 * 60_000,
      headers: {
        'user-agent': 'hfbot (research miner; +https://github.com/mina-taraghi/SANER2024ReplicationPackage)',
        accept: 'application/json',
        ...opts.headers,
      },
      logger: opts.logger ?? silentLogger,
      sleep: opts.sleep ?? realSleep,
      now: opts.now ?? Date.now,
      onWait: opts.onWait,
    };
    if (!(this.o.requestsPerMinute > 0)) throw new HfbotError('E_BAD_VALUE', mining.badRate(this.o.requestsPerMinute));
  }

  get requestsPerMinute(): number {
    return this.o.requestsPerMinute;
  }

  private async wait(ms: number, event?: Omit<WaitEvent, 'ms'>): Promise<void> {
    if (ms <= 0) return;
    this.stats.waitedMs += ms;
    if (event && ms >= 1000) this.o.onWait?.({ ...event, ms });
    await this.o.sleep(ms);
  }

  /** Spaces request starts evenly: a fixed interval, so bursts never exceed the rate. */
  private async throttle(url: string): Promise<void> {
    const interval = 60_000 / this.o.requestsPerMinute;
    const now = this.o.now();
    const at = Math.max(now, this.nextSlot);
    this.nextSlot = at + interval;
    await this.wait(
      at - now,
      at - now > interval ? { url, kind: 'rate-limit', detail: mining.windowSpent } : undefined,
    );
  }

  private async attempt(url: string): Promise<HttpResponse> {
    await this.throttle(url);
    this.stats.requests++;
    const ac = new AbortController();
    const timer = setTimeout(() => ac.abort(), this.o.timeoutMs);
    try {
      const res = await fetch(url, { headers: this.o.headers, signal: ac.signal });
      // The body is read under the same timer: a server that stalls mid-body is a timeout too.
      const body = await res.text();
      const key = String(res.status);
      this.stats.byStatus[key] = (this.stats.byStatus[key] ?? 0) + 1;
      if (res.status === 429 || res.status === 503) {
        throw new Transient(`HTTP ${res.status}`, res.status, askedWait(res.headers, body, this.o.now()));
      }
      if (res.status >= 500) throw new Transient(`HTTP ${res.status}`, res.status);
      // A success that says the window is spent: pause before the next request instead of earning a 429.
      const rl = parseRateLimit(res.headers);
      if (rl && rl.remaining === 0) this.nextSlot = Math.max(this.nextSlot, this.o.now() + resetWait(rl));
      return { url, status: res.status, headers: res.headers, body };
    } catch (err) {
      if (err instanceof Transient) throw err;
      if (ac.signal.aborted) throw new Transient(mining.timedOut(this.o.timeoutMs));
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      throw new Transient(cause?.code ?? cause?.message ?? (err as Error).message);
    } finally {
      clearTimeout(timer);
    }
  }

  /** GET with retries. 2xx-4xx come back as they are (callers decide what a 404 means). */
  async get(url: string): Promise<HttpResponse> {
    let failures = 0;
    let limited = 0;
    for (;;) {
      try {
        return await this.attempt(url);
      } catch (err) {
        if (!(err instanceof Transient)) throw err;
        const rateLimited = err.status === 429 || err.asked !== undefined;
        if (rateLimited) limited++;
        else failures++;
        if (limited >= this.o.maxRateLimitWaits) {
          throw new HfbotError('E_RATE_LIMITED', mining.rateLimitedOut(url, err.status ?? 429, limited), {
            hint: mining.tryLater,
            details: { url, status: err.status },
          });
        }
        if (failures >= this.o.maxTries) {
          throw new HfbotError('E_NETWORK', mining.gaveUp(url, failures, err.message), {
            hint: mining.tryLater,
            details: { url, status: err.status },
          });
        }
        if (err.asked && err.asked.ms > this.o.maxRetryAfterMs) {
          throw new HfbotError('E_RATE_LIMITED', mining.retryAfterTooLong(url, err.asked.ms, err.asked.source), {
            hint: mining.tryLater,
            details: { url, status: err.status },
          });
        }
        const tryNo = failures + limited;
        const backoff = Math.min(this.o.backoffMaxMs, this.o.backoffBaseMs * 2 ** (tryNo - 1));
        const waitMs = err.asked?.ms ?? backoff;
        this.stats.retries++;
        this.o.logger.warn('request failed, retrying', { url, try: tryNo, error: err.message, waitMs });
        await this.wait(waitMs, {
          url,
          kind: rateLimited ? 'rate-limit' : 'retry',
          detail: err.asked ? `${err.message}, ${err.asked.source}` : err.message,
        });
      }
    }
  }

  /** GET a 200 JSON body; anything else that is not retryable becomes a MalformedResponseError. */
  async getJson(url: string): Promise<{ json: unknown; res: HttpResponse }> {
    const res = await this.get(url);
    return { json: parseJsonBody(res), res };
  }
}
