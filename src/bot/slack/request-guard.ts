/**
 * Sits in front of Bolt's HTTPReceiver on the events endpoint: the body size is capped before
 * anything is buffered (Bolt's raw-body reads any length), the headers are checked before the
 * body is read, then the signature and the replay window; only then does Bolt see the request,
 * already buffered (HTTPReceiver uses req.rawBody when it is set), and acks it as usual.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from '../../logger.js';
import { checkHeaders, createReplayGuard, signatureMatches, type ReplayGuard } from './verify-request.js';

/**
 * 1 MiB. Slack's payloads are small: a slash command carries what was typed (a message is at most
 * 40,000 characters, under 400 KB even if every one were percent-encoded 3-byte UTF-8), and an
 * interaction carries the message it came from, which this bot wrote (at most 50 blocks of 3,000
 * characters, ASCII tables). 1 MiB holds either with room and stops a 64 MiB body at the door.
 */
export const MAX_SLACK_BODY_BYTES = 1024 * 1024;

export interface GuardOptions {
  signingSecret: string;
  logger: Logger;
  endpoint?: string;
  maxBodyBytes?: number;
  replay?: ReplayGuard;
  now?: () => number;
}

function refuse(res: ServerResponse, status: number, close = false): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-length': '0', ...(close ? { connection: 'close' } : {}) });
  res.end();
}

/**
 * Reads at most `limit` bytes; null (and stops reading) when the body is longer, undefined when
 * the sender went away before the end.
 */
function readCapped(req: IncomingMessage, limit: number): Promise<Buffer | null | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        resolve(null);
        return;
      }
      chunks.push(c);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    // Resolving twice is harmless: after 'end' or the cap this changes nothing.
    req.once('close', () => resolve(undefined));
    req.once('error', reject);
  });
}

/** Bolt answers an unsigned `ssl_check=1` itself (and strips anything else from it). */
function isSslCheck(req: IncomingMessage, body: Buffer): boolean {
  const type = String(req.headers['content-type'] ?? '').split(';')[0];
  return (
    type === 'application/x-www-form-urlencoded' && new URLSearchParams(body.toString('utf8')).get('ssl_check') === '1'
  );
}

export function guardSlackRequests(bolt: RequestListener, opts: GuardOptions): RequestListener {
  const endpoint = opts.endpoint ?? '/slack/events';
  const limit = opts.maxBodyBytes ?? MAX_SLACK_BODY_BYTES;
  const replay = opts.replay ?? createReplayGuard();
  const now = opts.now ?? Date.now;
  const log = opts.logger;

  const tooLarge = (req: IncomingMessage, res: ServerResponse) => {
    log.warn('slack request refused: body too large', { limit, declared: req.headers['content-length'] });
    // Answer at once and hang up: the rest of the body is never read.
    res.once('finish', () => req.socket.destroySoon());
    refuse(res, 413, true);
  };
  const unauthorized = (res: ServerResponse, reason: string, status: 401 | 503 = 401) => {
    log.warn('slack request refused', { reason, status });
    refuse(res, status);
  };

  const guarded = async (req: IncomingMessage, res: ServerResponse) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) return tooLarge(req, res);
    const headers = checkHeaders(req.headers, now());
    if (headers && !headers.ok) return unauthorized(res, headers.reason);
    const body = await readCapped(req, limit);
    if (body === undefined) return;
    if (body === null) return tooLarge(req, res);
    if (!headers) {
      if (isSslCheck(req, body)) return bolt(Object.assign(req, { rawBody: body }), res);
      return unauthorized(res, 'x-slack-signature and x-slack-request-timestamp are missing');
    }
    if (!signatureMatches(opts.signingSecret, headers.value, body)) return unauthorized(res, 'signature mismatch');
    const first = replay.firstUse(headers.value, now());
    if (!first.ok) return unauthorized(res, first.reason, first.status);
    bolt(Object.assign(req, { rawBody: body }), res);
  };

  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    // Every other route is Bolt's (it answers 404); only the events endpoint reads a body.
    if (req.method !== 'POST' || path !== endpoint) return bolt(req, res);
    guarded(req, res).catch((err: unknown) => {
      log.error('slack request failed before Bolt saw it', { err });
      refuse(res, 500);
    });
  };
}
