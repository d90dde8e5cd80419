/**
 * Access to the web chat when HFBOT_WEB_TOKEN is set (required off loopback): either
 * `Authorization: Bearer <token>` on each request (scripts, health checks), or the token posted
 * once to /api/login, which answers with an HttpOnly, SameSite=Strict session cookie. The cookie
 * holds an expiry and an HMAC of it keyed by the token, not the token: it cannot be turned back
 * into the token, and changing the token ends every session. All comparisons are constant-time.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const SESSION_COOKIE = 'hfbot_session';
/** A week: long enough for a research team's working days, short enough for a lost laptop. */
export const SESSION_SECONDS = 7 * 24 * 3600;

export interface WebAuth {
  readonly required: boolean;
  authorized(req: IncomingMessage): boolean;
  tokenMatches(candidate: string): boolean;
  /** The Set-Cookie value that starts a session. */
  sessionCookie(req: IncomingMessage): string;
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of String(req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return undefined;
}

export function createWebAuth(token: string | undefined, now: () => number = Date.now): WebAuth {
  if (!token) {
    return { required: false, authorized: () => true, tokenMatches: () => false, sessionCookie: () => '' };
  }
  const wanted = digest(token);
  // Hashing both sides first gives equal lengths, so timingSafeEqual never leaks the length.
  const tokenMatches = (candidate: string) => timingSafeEqual(digest(candidate), wanted);
  const mac = (expires: number) =>
    createHmac('sha256', token).update(`hfbot web session\n${expires}`).digest('base64url');
  const sessionOk = (value: string | undefined) => {
    const m = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(value ?? '');
    if (!m || Number(m[1]) * 1000 <= now()) return false;
    return timingSafeEqual(Buffer.from(m[2]!), Buffer.from(mac(Number(m[1]))));
  };
  return {
    required: true,
    tokenMatches,
    authorized(req) {
      const auth = /^Bearer\s+(\S+)\s*$/i.exec(String(req.headers.authorization ?? ''));
      if (auth) return tokenMatches(auth[1]!);
      return sessionOk(cookieValue(req, SESSION_COOKIE));
    },
    sessionCookie(req) {
      const expires = Math.floor(now() / 1000) + SESSION_SECONDS;
      // Secure when a TLS proxy says the browser used HTTPS; on plain http the browser would drop it.
      const secure = String(req.headers['x-forwarded-proto'] ?? '').toLowerCase() === 'https' ? '; Secure' : '';
      return `${SESSION_COOKIE}=${expires}.${mac(expires)}; Path=/; Max-Age=${SESSION_SECONDS}; HttpOnly; SameSite=Strict${secure}`;
    },
  };
}
