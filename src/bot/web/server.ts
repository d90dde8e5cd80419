/**
 * The local web chat: a node:http server on 127.0.0.1 by default. `startWeb` is its
 * PlatformStarter for `hfbot serve`; `createWebChat` is what tests use (port 0, stub renderer).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Command } from '../../commands/types.js';
import type { Services } from '../../services.js';
import { commands as registry } from '../../commands/index.js';
import { createPipeline } from '../../commands/pipeline.js';
import { HfbotError } from '../../errors.js';
import { msg } from '../../messages/index.js';
import type { PlatformStarter, RunningPlatform } from '../platforms.js';
import { createRateLimiter, type RateLimiter } from '../../commands/checks/rate-limit.js';
import type { RenderPng } from '../reply-attachments.js';
import { sendError, WebError } from './http.js';
import { createReplyCache } from './reply-cache.js';
import { route } from './routes.js';

export interface WebChatOptions {
  host?: string;
  port?: number;
  commands?: readonly Command[];
  /** null turns rate limiting off (tests); default HFBOT_RATE_LIMIT_PER_MINUTE per user. */
  limiter?: RateLimiter | null;
  renderPng?: RenderPng;
  /** How many recent replies keep their chart and CSV downloadable. */
  cacheSize?: number;
  publicDir?: string;
}

export interface RunningWeb extends RunningPlatform {
  url: string;
  port: number;
  server: Server;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/**
 * On a loopback address, only loopback Host headers: a web page on another site that
 * rebinds its DNS name to 127.0.0.1 cannot then talk to the chat.
 */
function hostAllowed(req: IncomingMessage, boundHost: string): boolean {
  if (!LOOPBACK.has(boundHost)) return true;
  const host = String(req.headers.host ?? '')
    .replace(/:\d+$/, '')
    .toLowerCase();
  return LOOPBACK.has(host);
}

function urlFor(host: string, port: number): string {
  const h =
    host === '0.0.0.0' || host === '::'
      ? '127.0.0.1'
      : host.includes(':') && !host.startsWith('[')
        ? `[${host}]`
        : host;
  return `http://${h}:${port}/`;
}

export async function createWebChat(services: Services, opts: WebChatOptions = {}): Promise<RunningWeb> {
  const c = services.config;
  const host = opts.host ?? c.HFBOT_WEB_HOST;
  const wantedPort = opts.port ?? c.HFBOT_WEB_PORT;
  const log = services.logger.child({ platform: 'web' });
  const scoped = { ...services, logger: log };
  const deps = {
    services: scoped,
    pipeline: createPipeline({
      services: scoped,
      commands: opts.commands ?? registry,
      limiter: opts.limiter === undefined ? createRateLimiter({ limit: c.HFBOT_RATE_LIMIT_PER_MINUTE }) : opts.limiter,
    }),
    cache: createReplyCache(opts.cacheSize),
    ...(opts.renderPng ? { renderPng: opts.renderPng } : {}),
    ...(opts.publicDir ? { publicDir: opts.publicDir } : {}),
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    try {
      if (!hostAllowed(req, host)) throw new WebError(403, 'E_HOST', msg.web.badHost(String(req.headers.host ?? '')));
      await route(req, res, deps);
    } catch (err) {
      if (!(err instanceof WebError)) log.error('web request failed', { method: req.method, url: req.url, err });
      const e = err instanceof WebError ? err : new WebError(500, 'E_INTERNAL', msg.web.internal);
      if (res.headersSent) res.destroy();
      else sendError(res, e);
    } finally {
      log.debug('web request', {
        method: req.method,
        url: req.url,
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
      });
    }
  };
  const server = createServer((req, res) => void handle(req, res));
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(wantedPort, host, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'EADDRINUSE')
      throw new HfbotError('E_CONFIG', msg.web.portInUse(host, wantedPort), {
        hint: msg.web.portInUseHint,
        cause: err,
      });
    throw new HfbotError('E_CONFIG', msg.web.listenFailed(host, wantedPort, err.message), { cause: err });
  });
  server.on('error', (err) => log.error('web server error', { err }));
  const port = (server.address() as AddressInfo).port;
  const url = urlFor(host, port);
  log.info('web chat started', { url });
  return {
    name: 'web',
    url,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Idle keep-alive connections (browser tabs) would otherwise hold close() open.
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 2000).unref();
      }),
  };
}

/** Always available: the web chat needs no credentials. Port/host from `hfbot serve` flags or config. */
export const startWeb: PlatformStarter = async (services, opts) =>
  createWebChat(services, {
    ...(opts.port !== undefined ? { port: opts.port } : {}),
    ...(opts.host ? { host: opts.host } : {}),
  });
