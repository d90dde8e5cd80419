/**
 * How long a server asks us to wait, from the three ways the miners' two services say it:
 *
 * - The Hub (hub-docs docs/hub/rate-limits.md, "HTTP Headers") answers 429 with the IETF draft
 *   headers `RateLimit: "api";r=<remaining>;t=<seconds until reset>` and
 *   `RateLimit-Policy: "fixed window";"api";q=<quota>;w=<window seconds>` (5-minute windows) and no
 *   Retry-After. huggingface_hub (src/huggingface_hub/utils/_http.py, parse_ratelimit_headers and
 *   _http_backoff_base) waits `t + 1` s when a 429 says r=0, else falls back to Retry-After.
 * - Retry-After (RFC 9110 10.2.3), seconds or an HTTP date. Discourse sends it on every 429: the
 *   RequestTracker middleware (lib/middleware/request_tracker.rb, text/plain body) and the
 *   controllers' RateLimiter::LimitExceeded handler (app/controllers/application_controller.rb).
 * - The controller's JSON body `{"errors":[...],"error_type":"rate_limit","extras":{"wait_seconds":N}}`,
 *   used when a proxy dropped the header.
 */

export interface RateLimitInfo {
  remaining: number;
  resetS: number;
  quota?: number;
  windowS?: number;
}

// As huggingface_hub's _RATELIMIT_REGEX / _RATELIMIT_POLICY_REGEX.
const RATELIMIT = /"(\w+)"\s*;\s*r\s*=\s*(\d+)\s*;\s*t\s*=\s*(\d+)/;
const POLICY = /q\s*=\s*(\d+).*?w\s*=\s*(\d+)/;

export function parseRateLimit(headers: Headers): RateLimitInfo | undefined {
  const m = RATELIMIT.exec(headers.get('ratelimit') ?? '');
  if (!m) return undefined;
  const info: RateLimitInfo = { remaining: Number(m[2]), resetS: Number(m[3]) };
  const p = POLICY.exec(headers.get('ratelimit-policy') ?? '');
  if (p) {
    info.quota = Number(p[1]);
    info.windowS = Number(p[2]);
  }
  return info;
}

/** Seconds or an HTTP date (RFC 9110 10.2.3); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** Discourse's `extras.wait_seconds` in a JSON 429 body. */
export function discourseWaitSeconds(body: string): number | undefined {
  if (!body.startsWith('{')) return undefined;
  try {
    const w = (JSON.parse(body) as { extras?: { wait_seconds?: unknown } }).extras?.wait_seconds;
    return typeof w === 'number' && w >= 0 ? w : typeof w === 'string' && /^\d+$/.test(w) ? Number(w) : undefined;
  } catch {
    return undefined;
  }
}

/** Added to every announced reset: clocks and windows round, and huggingface_hub adds one second too. */
export const RESET_MARGIN_MS = 1000;

/**
 * Until the window resets plus the margin, never longer than the policy's window (a reset further
 * away than one window is a bad header, and waiting one whole window always clears a fixed window).
 */
export function resetWait(info: RateLimitInfo): number {
  const reset = info.windowS !== undefined ? Math.min(info.resetS, info.windowS) : info.resetS;
  return reset * 1000 + RESET_MARGIN_MS;
}

export interface AskedWait {
  ms: number;
  /** Where the wait came from, for the progress line and the logs. */
  source: string;
}

/** The wait a 429 or 503 asks for, or undefined when it says nothing (then we back off). */
export function askedWait(headers: Headers, body: string, nowMs: number): AskedWait | undefined {
  const rl = parseRateLimit(headers);
  if (rl && rl.remaining === 0) {
    const policy = rl.windowS !== undefined ? `, window ${rl.windowS} s` : '';
    return { ms: resetWait(rl), source: `RateLimit reset in ${rl.resetS} s${policy}` };
  }
  const ra = parseRetryAfter(headers.get('retry-after'), nowMs);
  if (ra !== undefined) return { ms: ra, source: `Retry-After ${Math.round(ra / 1000)} s` };
  const ws = discourseWaitSeconds(body);
  if (ws !== undefined) return { ms: ws * 1000, source: `wait_seconds ${ws}` };
  return undefined;
}
