/**
 * Fake servers on 127.0.0.1 for the miners: a generic fault-injecting JSON server (used by
 * fake-hub.ts too) and a Discourse forum with generated topics that can change between runs.
 * Every request is logged so tests assert on request counts.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FaultKind = 'status' | 'truncate' | 'slow' | 'reset' | 'badjson';
export interface Fault {
  kind: FaultKind;
  /** Which request paths (pathname + search) it applies to; default all. */
  match?: (pathAndQuery: string) => boolean;
  /** How many matching requests it hits; default 1. */
  times?: number;
  status?: number;
  retryAfter?: string;
  delayMs?: number;
}

export interface Routed {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

export interface FaultyServer {
  base: string;
  requests: string[];
  inject(f: Fault): void;
  pending(): number;
  close(): Promise<void>;
}

export async function startFaultyServer(route: (url: URL) => Routed): Promise<FaultyServer> {
  const requests: string[] = [];
  const faults: (Fault & { left: number })[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const pq = url.pathname + url.search;
    requests.push(pq);
    const fault = faults.find((f) => f.left > 0 && (!f.match || f.match(pq)));
    if (fault) fault.left--;
    const send = () => {
      const r = route(url);
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
      res.writeHead(fault.status ?? 500, fault.retryAfter ? { 'retry-after': fault.retryAfter } : {});
      return void res.end('{"errors":["fault"]}');
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
    inject: (f) => faults.push({ ...f, left: f.times ?? 1 }),
    pending: () => faults.reduce((n, f) => n + f.left, 0),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
