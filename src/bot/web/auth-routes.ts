/**
 * The web chat's door when a token is required: /api/session says whether this browser is in,
 * /api/login takes the token once (JSON body, never a URL) and sets the session cookie, and every
 * other route except the page's own static files answers 401 until then.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { msg } from '../../messages/index.js';
import type { RateLimiter } from '../../commands/checks/rate-limit.js';
import type { WebAuth } from './auth.js';
import { readBody, send, sendJson, WebError } from './http.js';
import { isStaticPath } from './static.js';

const LOGIN_BODY_BYTES = 1024;
const LoginBody = z.object({ token: z.string().min(1).max(512) });

export interface AuthDeps {
  auth: WebAuth;
  /** Login attempts per client address. */
  attempts: RateLimiter;
}

/** Throws 401 for a protected route without a valid bearer or session. */
export function requireAuth(req: IncomingMessage, path: string, auth: WebAuth): void {
  if (!auth.required || auth.authorized(req)) return;
  if (path === '/api/session' || path === '/api/login') return;
  if ((req.method === 'GET' || req.method === 'HEAD') && isStaticPath(path)) return;
  throw new WebError(401, 'E_AUTH', msg.web.authRequired, { 'www-authenticate': 'Bearer realm="hfbot"' });
}

async function login(req: IncomingMessage, res: ServerResponse, d: AuthDeps): Promise<void> {
  const type = String(req.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  if (type !== 'application/json') throw new WebError(415, 'E_CONTENT_TYPE', msg.web.badContentType(type));
  const rate = d.attempts.check(`login:${req.socket.remoteAddress ?? '?'}`);
  if (!rate.ok)
    throw new WebError(429, 'E_RATE_LIMITED', msg.web.loginLimited(rate.retryAfterSeconds), {
      'retry-after': String(rate.retryAfterSeconds),
    });
  let parsed: ReturnType<typeof LoginBody.safeParse>;
  try {
    parsed = LoginBody.safeParse(JSON.parse(await readBody(req, LOGIN_BODY_BYTES)));
  } catch (err) {
    if (err instanceof WebError) throw err;
    // Not the parser's message: it quotes the body, and the body is a secret.
    throw new WebError(400, 'E_BAD_JSON', msg.web.loginBadBody);
  }
  if (!parsed.success) throw new WebError(400, 'E_BAD_REQUEST', msg.web.loginBadBody);
  if (!d.auth.tokenMatches(parsed.data.token)) throw new WebError(401, 'E_AUTH', msg.web.loginWrong);
  send(res, 204, '', { 'set-cookie': d.auth.sessionCookie(req), 'cache-control': 'no-store' });
}

/** True when the request was one of the auth routes (and has been answered). */
export async function authRoute(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  d: AuthDeps,
): Promise<boolean> {
  if (path === '/api/session') {
    if (req.method !== 'GET')
      throw new WebError(405, 'E_METHOD', msg.web.methodNotAllowed(req.method ?? '?', path, 'GET'), { allow: 'GET' });
    sendJson(res, 200, { required: d.auth.required, authorized: d.auth.authorized(req) });
    return true;
  }
  if (path === '/api/login') {
    if (req.method !== 'POST')
      throw new WebError(405, 'E_METHOD', msg.web.methodNotAllowed(req.method ?? '?', path, 'POST'), { allow: 'POST' });
    await login(req, res, d);
    return true;
  }
  return false;
}
