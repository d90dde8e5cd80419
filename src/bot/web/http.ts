/**
 * Small HTTP helpers for the web chat: JSON answers with security headers, bounded body
 * reading, and one error type whose message is safe to show (never a stack trace).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { msg } from '../../messages/index.js';

export class WebError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'WebError';
  }
}

/**
 * Scripts, styles and images only from this origin; nothing may frame the chat.
 * 'self' for images covers the chart PNGs; data: covers the inline favicon.
 */
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};

export function send(
  res: ServerResponse,
  status: number,
  body: string | Uint8Array,
  headers: Record<string, string>,
): void {
  const buf = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-length': String(buf.length), ...headers });
  res.end(buf);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): void {
  send(res, status, JSON.stringify(value), {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
}

export function sendError(res: ServerResponse, err: WebError): void {
  sendJson(res, err.status, { error: { code: err.code, message: err.message } }, err.headers);
}

/** Reads the body up to `limit` bytes; a longer body is refused before it is all read. */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit)
    return Promise.reject(new WebError(413, 'E_TOO_LARGE', msg.web.tooLarge(limit)));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (c: Buffer) => {
      if (done) return;
      size += c.length;
      if (size > limit) {
        done = true;
        // Stop reading but let the 413 answer go out; the socket is closed after it.
        req.removeAllListeners('data');
        req.resume();
        reject(new WebError(413, 'E_TOO_LARGE', msg.web.tooLarge(limit), { connection: 'close' }));
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', (err) => {
      if (!done) reject(new WebError(400, 'E_BAD_REQUEST', err.message));
      done = true;
    });
  });
}

export async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const type = String(req.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  // Requiring JSON also means another web site cannot post here without a CORS preflight, which we never grant.
  if (type !== 'application/json') throw new WebError(415, 'E_CONTENT_TYPE', msg.web.badContentType(type));
  const text = await readBody(req, limit);
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new WebError(400, 'E_BAD_JSON', msg.web.badJson((err as Error).message));
  }
}
