/**
 * The local web chat: a node:http server on 127.0.0.1 by default. Anywhere else it needs
 * HFBOT_WEB_TOKEN (or refuses to start), and it answers only Host headers it knows. `startWeb`
 * is its PlatformStarter for `hfbot serve`; `createWebChat` is what tests use (port 0, stub renderer).
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
import { createWebAuth } from './auth.js';
import { authRoute, requireAuth } from './auth-routes.js';
import { allowedHosts, hostOfHeader, isLoopback, openableHost } from './host-check.js';
import { sendError, WebError } from './http.js';
import { createReplyCache, type ReplyCacheLimits } from './reply-cache.js';
import { route } from './routes.js';

export interface WebChatOptions {
  host?: string;
  port?: number;
  commands?: readonly Command[];
  /** null turns rate limiting off (tests); default HFBOT_RATE_LIMIT_PER_MINUTE per user. */
  limiter?: RateLimiter | null;
  renderPng?: RenderPng;
  /** Bytes of recent replies kept for chart and CSV downloads (default HFBOT_WEB_CACHE_MB / _USER_MB). */
  cache?: ReplyCacheLimits;
  publicDir?: string;
  /** Defaults to HFBOT_WEB_TOKEN; required unless `host` is a loopback address. */
  token?: string;
  /** Defaults to HFBOT_WEB_ALLOWED_HOSTS. */
  allowedHosts?: readonly string[];
}

export interface RunningWeb extends RunningPlatform {
  url: string;
  port: number;
  /** The address actually listened on, as address:port ("0.0.0.0:8787", "[::1]:8787"). */
  listening: string;
  /** Off loopback, or when a token is configured: the page asks for it. */
  tokenRequired: boolean;
  server: Server;
}

export async function createWebChat(services: Services, opts: WebChatOptions = {}): Promise<RunningWeb> {
  const c = services.config;
  const host = opts.host ?? c.HFBOT_WEB_HOST;
  const wantedPort = opts.port ?? c.HFBOT_WEB_PORT;
  const log = services.logger.child({ platform: 'web' });
  const token = opts.token ?? c.HFBOT_WEB_TOKEN;
  if (!isLoopback(host) && !token)
    throw new HfbotError('E_CONFIG', msg.web.tokenRequired(host), { hint: msg.web.tokenRequiredHint });
  const auth = createWebAuth(token);
  const attempts = createRateLimiter({ limit: 10 });
  let hosts = allowedHosts(host, opts.allowedHosts ?? c.HFBOT_WEB_ALLOWED_HOSTS);
  const scoped = { ...services, logger: log };
  const deps = {
    services: scoped,
    pipeline: createPipeline({
      services: scoped,
      commands: opts.commands ?? registry,
      limiter: opts.limiter === undefined ? createRateLimiter({ limit: c.HFBOT_RATE_LIMIT_PER_MINUTE }) : opts.limiter,
    }),
    cache: createReplyCache(
      opts.cache ?? {
        maxBytes: c.HFBOT_WEB_CACHE_MB * 1024 * 1024,
        userBytes: c.HFBOT_WEB_CACHE_USER_MB * 1024 * 1024,
      },
    ),
    ...(opts.renderPng ? { renderPng: opts.renderPng } : {}),
    ...(opts.publicDir ? { publicDir: opts.publicDir } : {}),
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    try {
      // DNS rebinding: a foreign page re-pointed at this address still sends its own name.
      if (!hosts.has(hostOfHeader(String(req.headers.host ?? ''))))
        throw new WebError(403, 'E_HOST', msg.web.badHost(String(req.headers.host ?? '')));
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      requireAuth(req, path, auth);
      if (await authRoute(req, res, path, { auth, attempts })) return;
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
  const bound = server.address() as AddressInfo;
  const port = bound.port;
  // 'localhost' resolves to an address; from here on the chat answers to it as well.
  hosts = new Set([...hosts, ...allowedHosts(bound.address)]);
  const url = `http://${openableHost(bound.address)}:${port}/`;
  const listening = `${bound.family === 'IPv6' ? `[${bound.address}]` : bound.address}:${port}`;
  log.info('web chat started', { url, listening, token: auth.required });
  return {
    name: 'web',
    url,
    port,
    listening,
    tokenRequired: auth.required,
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
