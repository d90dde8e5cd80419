/**
 * A fault-injecting HTTP server on 127.0.0.1 (port 0) for the miners' fakes. Faults are what the
 * network and proxies do to real services: an error status (with the headers and body a service
 * sends with it), a body cut mid-way, a dropped connection, a slow answer, half a JSON document.
 * Every request is logged (path and query, and its headers) so tests assert on request counts;
 * hooks run after a matching request is answered, to change the fake's data mid-run.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FaultKind = 'status' | 'truncate' | 'slow' | 'reset' | 'badjson';
export interface Fault {
  kind: FaultKind;
  /** Which request paths (pathname + search) it applies to; default all. */
  match?: (pathAndQuery: string) => boolean;
  /** How many matching requests it hits; default 1 (Infinity: for ever). */
  times?: number;
  status?: number;
  retryAfter?: string;
  headers?: Record<string, string>;
  body?: string;
  delayMs?: number;
}

export interface Routed {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

export interface Request {
  url: URL;
  headers: IncomingHttpHeaders;
  /** Bytes of the request line's target, as a server's header buffer sees it. */
  targetLength: number;
}

export interface FaultyServer {
  base: string;
  requests: string[];
  requestHeaders: IncomingHttpHeaders[];
  inject(f: Fault): void;
  /** Runs `fn` once, right after the first request matching `match` is answered. */
  after(match: (pathAndQuery: string) => boolean, fn: () => void): void;
  pending(): number;
  close(): Promise<void>;
}

export async function startFaultyServer(route: (url: URL, req: Request) => Routed): Promise<FaultyServer> {
  const requests: string[] = [];
  const requestHeaders: IncomingHttpHeaders[] = [];
  const faults: (Fault & { left: number })[] = [];
  const hooks: { match: (p: string) => boolean; fn: () => void }[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const pq = url.pathname + url.search;
    requests.push(pq);
    requestHeaders.push(req.headers);
    const fault = faults.find((f) => f.left > 0 && (!f.match || f.match(pq)));
    if (fault) fault.left--;
    const runHooks = () => {
      for (let i = 0; i < hooks.length; i++)
        if (hooks[i]!.match(pq)) {
          const [h] = hooks.splice(i--, 1);
          h!.fn();
        }
    };
    res.on('finish', runHooks);
    const send = () => {
      const r = route(url, { url, headers: req.headers, targetLength: (req.url ?? '').length });
      const headers = { 'content-type': 'application/json; charset=utf-8', ...r.headers };
      if (fault?.kind === 'truncate') {
        // Declares the full length, sends half, drops the connection: the client sees a cut body.
        const buf = Buffer.from(r.body);
        res.writeHead(r.status, { ...headers, 'content-length': String(buf.length) });
        res.write(buf.subarray(0, Math.floor(buf.length / 2)), () => res.socket?.destroy());
        return;
      }
      const body = fault?.kind === 'badjson' ? r.body.slice(0, Math.floor(r.body.length / 2)) : r.body;
      res.writeHead(r.status, headers);
      res.end(body);
    };
    if (fault?.kind === 'reset') return void req.socket.destroy();
    if (fault?.kind === 'status') {
      const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', ...fault.headers };
      if (fault.retryAfter) headers['retry-after'] = fault.retryAfter;
      res.writeHead(fault.status ?? 500, headers);
      return void res.end(fault.body ?? '{"errors":["fault"]}');
    }
    if (fault?.kind === 'slow') return void setTimeout(send, fault.delayMs ?? 1000);
    send();
  });
  // Keep-alive sockets would hold close() open after a slow-response test.
  server.keepAliveTimeout = 1000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    requests,
    requestHeaders,
    inject: (f) => faults.push({ ...f, left: f.times ?? 1 }),
    after: (match, fn) => void hooks.push({ match, fn }),
    pending: () => faults.reduce((n, f) => n + (Number.isFinite(f.left) ? f.left : 0), 0),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/**
 * A fixed-window limiter like the ones both services run: at most `max` requests per `windowMs`
 * window, the clock injectable so a test's virtual time moves the window too.
 */
export function fixedWindow(max: number, windowMs: number, now: () => number = Date.now) {
  let start = now();
  let used = 0;
  return {
    /** Counts a request; returns how it stands afterwards. */
    take(): { allowed: boolean; remaining: number; resetMs: number } {
      const t = now();
      if (t - start >= windowMs) {
        start = t - ((t - start) % windowMs);
        used = 0;
      }
      const resetMs = start + windowMs - t;
      if (used >= max) return { allowed: false, remaining: 0, resetMs };
      used++;
      return { allowed: true, remaining: max - used, resetMs };
    },
  };
}
