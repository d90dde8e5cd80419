/**
 * A fake HuggingFace Hub /api/models on 127.0.0.1, written from hub-docs and huggingface_hub /
 * huggingface.js, as strict and as faulty as the real one:
 *
 * - Entries carry the stable `_id` (a Mongo ObjectId) and `id` (the repo name, which changes on a
 *   rename); with `expand[]` only those properties come back besides `_id` and `id` (huggingface.js
 *   list-models.ts reads `_id` and `id` from expanded entries). An unknown expand value, or
 *   expand with `full`, is a 400.
 * - Pages follow a `Link: <...>; rel="next"` header (huggingface_hub utils/_pagination.py) whose
 *   cursor is opaque and keyed on the last entry, so deleting a model never shifts a page.
 * - A bad token is a 401 on every request with `X-Error-Message: Invalid credentials in
 *   Authorization header` (huggingface_hub utils/_http.py hf_raise_for_status). Private models are
 *   listed only for a valid token; gated ones are listed with `gated`.
 * - Rate limits (hub-docs docs/hub/rate-limits.md): every answer carries `RateLimit:
 *   "api";r=<remaining>;t=<seconds to reset>` and `RateLimit-Policy: "fixed window";"api";q=<quota>;w=<window>`;
 *   over quota is a 429 with those headers and no Retry-After.
 * Models are generated from their index (0 = newest of the first generation, negative = added
 * later), so a million cost no memory. Run directly (`node --import tsx test/helpers/fake-hub.ts N`)
 * it serialises the pages the miner will ask for, then serves N models and prints its base URL.
 */
import { pathToFileURL } from 'node:url';
import { firstPageUrl } from '../../src/data/miners/hub/mine.js';
import { fixedWindow, startFaultyServer, type FaultyServer } from './faulty-server.js';
import { hubPage, EXPANDABLE } from './fake-hub-data.js';

export { FAKE_TYPES, createdMonthOf, fakeModel, hubIdOf, type FakeModel } from './fake-hub-data.js';

export interface FakeHub extends FaultyServer {
  /** Models now span indices [first, total). */
  state: { first: number; total: number };
  /** k models newer than all others appear. */
  addModels(k: number): void;
  rename(i: number, name: string): void;
  remove(i: number): void;
  makePrivate(i: number): void;
  /** Replaces fields of model i as served (a malformed optional field, say). */
  corrupt(i: number, fields: Record<string, unknown>): void;
  pages(): number;
}

export interface FakeHubOptions {
  badEvery?: number;
  maxLimit?: number;
  /** The only token the Hub accepts; any other Authorization is a 401. */
  token?: string;
  rateLimit?: { max: number; windowMs?: number; now?: () => number };
  /** Serialise every page of this many models with these expand[] fields before listening (benchmark). */
  prebuild?: { limit: number; expand: string[] };
}

export async function startFakeHub(total: number, opts: FakeHubOptions = {}): Promise<FakeHub> {
  const state = { first: 0, total };
  const changes = {
    names: new Map<number, string>(),
    gone: new Set<number>(),
    hidden: new Set<number>(),
    fields: new Map<number, Record<string, unknown>>(),
    version: 0,
  };
  let base = '';
  // Pages are built one at a time on the server's only thread; the few after the one just served
  // are built while the client works (a real Hub has its own CPUs), and the benchmark serialises
  // every page before it starts.
  const AHEAD = 4;
  const built = new Map<string, { body: string; next: number | null }>();
  const prebuilt = new Map<string, { body: string; next: number | null }>();
  const page = (from: number, limit: number, expand: string[], authed: boolean) => {
    const key = `${from}:${limit}:${expand.join(',')}:${authed}:${changes.version}`;
    const ready = built.get(key) ?? prebuilt.get(key);
    if (ready) return ready;
    const p = hubPage(state, changes, from, limit, expand, authed, opts.badEvery);
    built.set(key, p);
    if (built.size > AHEAD + 1) built.delete(built.keys().next().value!);
    return p;
  };
  if (opts.prebuild) {
    for (let from: number | null = state.first; from !== null; ) {
      const p = page(from, opts.prebuild.limit, opts.prebuild.expand, false);
      prebuilt.set(`${from}:${opts.prebuild.limit}:${opts.prebuild.expand.join(',')}:false:0`, p);
      from = p.next;
    }
    built.clear();
  }
  let building: NodeJS.Immediate | undefined;
  const buildAhead = (from: number | null, limit: number, expand: string[], authed: boolean, k: number) => {
    if (from === null || k > AHEAD || prebuilt.size) return;
    building = setImmediate(() => buildAhead(page(from, limit, expand, authed).next, limit, expand, authed, k + 1));
  };
  const limiter = opts.rateLimit
    ? fixedWindow(opts.rateLimit.max, opts.rateLimit.windowMs ?? 300_000, opts.rateLimit.now)
    : null;
  const err = (status: number, message: string, headers: Record<string, string> = {}) => ({
    status,
    body: JSON.stringify({ error: message }),
    headers: { 'x-error-message': message, ...headers },
  });

  const srv = await startFaultyServer((url, req) => {
    const auth = req.headers.authorization;
    if (auth !== undefined && auth !== `Bearer ${opts.token}`)
      return err(401, 'Invalid credentials in Authorization header');
    const headers: Record<string, string> = {};
    if (limiter) {
      const slot = limiter.take();
      const w = Math.round((opts.rateLimit!.windowMs ?? 300_000) / 1000);
      headers.ratelimit = `"api";r=${slot.remaining};t=${Math.ceil(slot.resetMs / 1000)}`;
      headers['ratelimit-policy'] = `"fixed window";"api";q=${opts.rateLimit!.max};w=${w}`;
      if (!slot.allowed)
        return err(429, 'You have been rate-limited; you can retry this action in a few minutes.', headers);
    }
    if (url.pathname !== '/api/models') return err(404, "Sorry, we can't find the page you are looking for.");
    const expand = url.searchParams.getAll('expand[]');
    const bad = expand.find((e) => !EXPANDABLE.has(e));
    if (bad) return err(400, `Invalid expand value: ${bad}`);
    if (expand.length && url.searchParams.has('full')) return err(400, '`expand` cannot be used with `full`');
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 1000), opts.maxLimit ?? 1000);
    const cursor = url.searchParams.get('cursor');
    const from = cursor
      ? (JSON.parse(Buffer.from(cursor, 'base64url').toString()) as { after: number }).after + 1
      : state.first;
    const authed = auth !== undefined;
    const p = page(from, limit, expand, authed);
    if (p.next !== null) {
      const next = new URL(url.toString().replace('http://127.0.0.1', base));
      next.searchParams.set('cursor', Buffer.from(JSON.stringify({ after: p.next - 1 })).toString('base64url'));
      headers.link = `<${next.toString()}>; rel="next"`;
      clearImmediate(building);
      buildAhead(p.next, limit, expand, authed, 1);
    }
    return { status: 200, body: p.body, headers };
  });
  base = srv.base;
  const change = (fn: () => void) => {
    fn();
    changes.version++;
    built.clear();
    prebuilt.clear();
  };
  return {
    ...srv,
    state,
    addModels: (k) =>
      change(() => {
        state.first -= k;
      }),
    rename: (i, name) => change(() => void changes.names.set(i, name)),
    remove: (i) => change(() => void changes.gone.add(i)),
    makePrivate: (i) => change(() => void changes.hidden.add(i)),
    corrupt: (i, fields) => change(() => void changes.fields.set(i, fields)),
    pages: () => srv.requests.filter((r) => r.startsWith('/api/models')).length,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // The miner's own first request names the pages it will ask for.
  const first = new URL(firstPageUrl('http://127.0.0.1', 1000));
  const hub = await startFakeHub(Number(process.argv[2] ?? 1_000_000), {
    prebuild: { limit: Number(first.searchParams.get('limit')), expand: first.searchParams.getAll('expand[]') },
  });
  process.stdout.write(`${hub.base}\n`);
  process.on('SIGTERM', () => void hub.close().then(() => process.exit(0)));
}
