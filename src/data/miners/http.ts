/**
 * The one HTTP client both miners use: polite (a minimum interval between requests),
 * patient (Retry-After on 429/503, exponential backoff on 5xx, timeouts and dropped
 * connections) and bounded (gives up after `maxTries` with a message naming the URL).
 * Clock and sleep are injected so tests run retries and rate limits in virtual time.
 */
import { HfbotError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { silentLogger } from '../../logger.js';
import { mining } from '../../messages/mining.js';

export interface HttpOptions {
  /** Default 50: under the 60 per minute the issue asks for. */
  requestsPerMinute?: number;
  maxTries?: number;
  timeoutMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** A Retry-After longer than this is not waited out: the run stops with a clear error. */
  maxRetryAfterMs?: number;
  headers?: Record<string, string>;
  logger?: Logger;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export interface HttpStats {
  /** Every attempt that went on the wire, retries included. */
  requests: number;
  retries: number;
  byStatus: Record<string, number>;
  waitedMs: number;
}

export interface HttpResponse {
  url: string;
  status: number;
  headers: Headers;
  body: string;
}

/** A response that arrived whole but is not what we expected: report it and skip it, never retry. */
export class MalformedResponseError extends HfbotError {
  constructor(
    readonly url: string,
    detail: string,
  ) {
    super('E_NETWORK', mining.malformed(url, detail), { details: { url } });
  }
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Seconds or an HTTP date (RFC 9110 10.2.3); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

class Transient extends Error {
  constructor(
    message: string,
    readonly waitMs?: number,
  ) {
    super(message);
  }
}

export class PoliteHttp {
  readonly stats: HttpStats = { requests: 0, retries: 0, byStatus: {}, waitedMs: 0 };
  private readonly o: Required<Omit<HttpOptions, 'headers' | 'logger'>> & {
    headers: Record<string, string>;
    logger: Logger;
  };
  private nextSlot = 0;

  constructor(opts: HttpOptions = {}) {
    this.o = {
      requestsPerMinute: opts.requestsPerMinute ?? 50,
      maxTries: opts.maxTries ?? 5,
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
    };
    if (!(this.o.requestsPerMinute > 0)) throw new HfbotError('E_BAD_VALUE', mining.badRate(this.o.requestsPerMinute));
  }

  private async wait(ms: number): Promise<void> {
    if (ms <= 0) return;
    this.stats.waitedMs += ms;
    await this.o.sleep(ms);
  }

  /** Spaces request starts evenly: a fixed interval, so bursts never exceed the rate. */
  private async throttle(): Promise<void> {
    const interval = 60_000 / this.o.requestsPerMinute;
    const now = this.o.now();
    const at = Math.max(now, this.nextSlot);
    this.nextSlot = at + interval;
    await this.wait(at - now);
  }

  private async attempt(url: string): Promise<HttpResponse> {
    await this.throttle();
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
        throw new Transient(`HTTP ${res.status}`, parseRetryAfter(res.headers.get('retry-after'), this.o.now()));
      }
      if (res.status >= 500) throw new Transient(`HTTP ${res.status}`);
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
    let last = '';
    for (let tryNo = 1; tryNo <= this.o.maxTries; tryNo++) {
      try {
        return await this.attempt(url);
      } catch (err) {
        if (!(err instanceof Transient)) throw err;
        last = err.message;
        if (tryNo === this.o.maxTries) break;
        if (err.waitMs !== undefined && err.waitMs > this.o.maxRetryAfterMs) {
          throw new HfbotError('E_RATE_LIMITED', mining.retryAfterTooLong(url, err.waitMs), { hint: mining.tryLater });
        }
        const backoff = Math.min(this.o.backoffMaxMs, this.o.backoffBaseMs * 2 ** (tryNo - 1));
        const waitMs = err.waitMs ?? backoff;
        this.stats.retries++;
        this.o.logger.warn('request failed, retrying', { url, try: tryNo, error: last, waitMs });
        await this.wait(waitMs);
      }
    }
    throw new HfbotError('E_NETWORK', mining.gaveUp(url, this.o.maxTries, last), {
      hint: mining.tryLater,
      details: { url },
    });
  }

  /** GET a 200 JSON body; anything else that is not retryable becomes a MalformedResponseError. */
  async getJson(url: string): Promise<{ json: unknown; res: HttpResponse }> {
    const res = await this.get(url);
    if (res.status !== 200) throw new MalformedResponseError(url, `HTTP ${res.status}`);
    try {
      return { json: JSON.parse(res.body) as unknown, res };
    } catch (err) {
      throw new MalformedResponseError(url, `not JSON (${(err as Error).message}; ${res.body.length} bytes)`);
    }
  }
}

/** A clock whose sleeps return at once but advance time: tests check rate limits without waiting. */
export function virtualClock(start = 0): { now: () => number; sleep: (ms: number) => Promise<void>; slept: number[] } {
  let t = start;
  const slept: number[] = [];
  return {
    now: () => t,
    sleep: async (ms) => {
      slept.push(ms);
      t += ms;
    },
    slept,
  };
}
