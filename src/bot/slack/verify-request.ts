/**
 * Slack request verification, stricter than Bolt's own (@slack/bolt 4.7 verifySlackRequest only
 * rejects timestamps in the past and parses the header with Number(), so "0x10" or a year-ahead
 * timestamp pass). Slack's "Verifying requests from Slack": the signature is
 * v0=HMAC-SHA256(signing secret, "v0:" + X-Slack-Request-Timestamp + ":" + raw body), compared in
 * constant time, and a request whose timestamp is more than five minutes from local time (either
 * way: Slack's sample uses abs(now - timestamp) > 60 * 5) may be a replay and is ignored.
 * A signature seen once is refused for the rest of its window, so a byte-identical replay inside
 * the five minutes is refused too.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack's window: a request more than five minutes from local time, either way, is refused. */
export const MAX_SKEW_SECONDS = 5 * 60;

export type Verdict = { ok: true } | { ok: false; status: 401 | 503; reason: string };

export interface SlackHeaders {
  timestamp: number;
  /** The header as sent: the signed base string uses these exact characters. */
  rawTimestamp: string;
  signature: string;
}

const TIMESTAMP = /^\d{1,12}$/;
const SIGNATURE = /^v0=[0-9a-f]{64}$/;

/** Checks the two headers before any of the body is read; `null` when neither is present. */
export function checkHeaders(
  headers: Record<string, string | string[] | undefined>,
  nowMs: number,
): { ok: true; value: SlackHeaders } | { ok: false; reason: string } | null {
  const ts = headers['x-slack-request-timestamp'];
  const sig = headers['x-slack-signature'];
  if (ts === undefined && sig === undefined) return null;
  if (typeof ts !== 'string' || typeof sig !== 'string')
    return { ok: false, reason: 'x-slack-request-timestamp and x-slack-signature must each be sent once' };
  // Decimal seconds only: Number() would also take "0x10", "1e9" and " 12 ".
  if (!TIMESTAMP.test(ts)) return { ok: false, reason: 'x-slack-request-timestamp is not whole seconds' };
  const timestamp = Number(ts);
  if (Math.abs(nowMs / 1000 - timestamp) > MAX_SKEW_SECONDS)
    return { ok: false, reason: 'x-slack-request-timestamp is more than five minutes from now' };
  if (!SIGNATURE.test(sig)) return { ok: false, reason: 'x-slack-signature is not v0= and 64 hex digits' };
  return { ok: true, value: { timestamp, rawTimestamp: ts, signature: sig } };
}

/** Constant-time comparison of the v0 signature over the raw body bytes. */
export function signatureMatches(secret: string, h: SlackHeaders, body: Buffer): boolean {
  const expected = createHmac('sha256', secret).update(`v0:${h.rawTimestamp}:`).update(body).digest();
  const given = Buffer.from(h.signature.slice(3), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface ReplayGuard {
  /** Records the signature; false when it was already seen inside its window (a replay). */
  firstUse(h: SlackHeaders, nowMs: number): Verdict;
  readonly size: number;
}

/**
 * Signatures seen, each kept only until its timestamp leaves the window (at most ten minutes
 * for a timestamp five minutes ahead). Only verified signatures are recorded, so filling it takes
 * the signing secret; at `max` it refuses (503) rather than forget a signature that could then be
 * replayed.
 */
export function createReplayGuard(max = 20_000): ReplayGuard {
  const seen = new Map<string, number>();
  const prune = (nowMs: number, all: boolean) => {
    for (const [sig, expires] of seen) {
      if (expires <= nowMs) seen.delete(sig);
      else if (!all) break;
    }
  };
  return {
    firstUse(h, nowMs) {
      prune(nowMs, false);
      if (seen.has(h.signature)) return { ok: false, status: 401, reason: 'replayed signature' };
      if (seen.size >= max) prune(nowMs, true);
      if (seen.size >= max) return { ok: false, status: 503, reason: 'too many requests inside the replay window' };
      seen.set(h.signature, (h.timestamp + MAX_SKEW_SECONDS) * 1000 + 1000);
      return { ok: true };
    },
    get size() {
      return seen.size;
    },
  };
}
