/**
 * A fake HuggingFace Hub /api/models on 127.0.0.1: models are generated from their index
 * (newest first), so a million of them cost no memory; pages follow a Link rel="next" cursor.
 * Run directly (`node --import tsx test/helpers/fake-hub.ts N`) it serialises the pages the
 * miner will ask for, then serves N models in its own process and prints its base URL, for the
 * benchmark.
 */
import { pathToFileURL } from 'node:url';
import { firstPageUrl } from '../../src/data/miners/hub/mine.js';
import { startFaultyServer, type FaultyServer } from './fake-discourse.js';

export const FAKE_TYPES = [
  'bert',
  'gpt2',
  'roberta',
  't5',
  'llama',
  'distilbert',
  'whisper',
  'vit',
  'bart',
  'wav2vec2',
];
/** Not base model types: the paper's invalid values (a repeat of the model name, an owner...). */
const INVALID_TYPES = ['my-custom-model', 'user-net', null];
const END = Date.parse('2026-11-01T00:00:00Z');
const STEP = 60_000;

export interface FakeModel {
  id: string;
  author: string;
  createdAt: string;
  lastModified: string;
  config: { model_type?: string | null } | null;
  cardData: Record<string, unknown> | null;
  pipeline_tag: string | null;
  library_name: string | null;
  tags: string[];
  downloads: number;
  likes: number;
}

// Shared objects, so the server serialises each shape once.
const CARD = Object.freeze({ license: 'mit', language: ['en'] });
const EMPTY_CARD = Object.freeze({});
const CONFIGS = new Map<string | null, { model_type: string | null }>();
function configOf(t: string | null) {
  let config = CONFIGS.get(t);
  if (!config) {
    config = { model_type: t, architectures: ['X'] } as { model_type: string | null };
    CONFIGS.set(t, config);
  }
  return config;
}

/** Model number `i` (0 = newest of the first generation; negative = added later). */
export function fakeModel(i: number, badEvery = 0): FakeModel | Record<string, unknown> {
  if (badEvery && i > 0 && i % badEvery === 0) return { id: 42, createdAt: 'never' };
  const h = Math.imul(i ^ 0x9e3779b9, 2654435761) >>> 0;
  const typeRoll = h % 100;
  const modelType =
    typeRoll < 60
      ? FAKE_TYPES[h % FAKE_TYPES.length]!
      : typeRoll < 80
        ? INVALID_TYPES[h % INVALID_TYPES.length]!
        : undefined;
  const author = `user${h % 7919}`;
  const created = new Date(END - i * STEP).toISOString();
  return {
    id: `${author}/model-${i}`,
    author,
    createdAt: created,
    lastModified: created,
    config: modelType === undefined ? null : configOf(modelType),
    cardData: (h >> 3) % 10 < 6 ? CARD : (h >> 3) % 10 < 8 ? EMPTY_CARD : null,
    pipeline_tag: (h >> 5) % 3 === 0 ? 'text-classification' : null,
    library_name: (h >> 7) % 4 === 0 ? null : 'transformers',
    tags: ['transformers', 'pytorch'],
    downloads: h % 10000,
    likes: h % 50,
  };
}

/** Objects repeat (a few configs and cards), so their JSON is cached; strings need no escaping here. */
const jsonCache = new Map<unknown, string>();
function fieldJson(v: unknown): string {
  if (typeof v === 'string') return `"${v}"`;
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  let out = jsonCache.get(v);
  if (out === undefined) {
    out = JSON.stringify(v);
    jsonCache.set(v, out);
  }
  return out;
}

export const createdMonthOf = (i: number) => new Date(END - i * STEP).toISOString().slice(0, 7);

export interface FakeHub extends FaultyServer {
  /** Models now span indices [first, total). */
  state: { first: number; total: number };
  /** k models newer than all others appear. */
  addModels(k: number): void;
  pages(): number;
}

export interface FakeHubOptions {
  badEvery?: number;
  maxLimit?: number;
  /** Serialise every page of this many models with these expand[] fields before listening (benchmark). */
  prebuild?: { limit: number; expand: string[] };
}

export async function startFakeHub(total: number, opts: FakeHubOptions = {}): Promise<FakeHub> {
  const state = { first: 0, total };
  let base = '';
  // The next few pages after the one just served are built while the client works, as a real
  // Hub's own servers would: the benchmark measures the miner, so the fake must not be its
  // bottleneck. A client that prefetches asks for page k+1 as soon as page k arrives, so building
  // only one page ahead would still keep it waiting for a whole page's serialisation.
  const AHEAD = 4;
  const built = new Map<string, string>();
  const pageBody = (from: number, to: number, expand: string[]) => {
    const key = `${from}:${to}:${expand.join(',')}`;
    const ready = built.get(key) ?? prebuilt.get(key);
    if (ready !== undefined) return ready;
    const items: string[] = [];
    // Like the Hub, answer only the expand[] fields asked for (and the id); all when none are.
    for (let i = from; i < to; i++) {
      const m = fakeModel(i, opts.badEvery) as Record<string, unknown>;
      const keys = expand.length ? ['id', ...expand] : Object.keys(m);
      let json = '';
      for (const k of keys) if (m[k] !== undefined) json += `${json ? ',' : ''}"${k}":${fieldJson(m[k])}`;
      items.push(`{${json}}`);
    }
    const body = `[${items.join(',')}]`;
    built.set(key, body);
    // Oldest first out: only the pages ahead of the client are kept.
    if (built.size > AHEAD + 1) built.delete(built.keys().next().value!);
    return body;
  };
  // Built pages are produced one at a time on the server's only thread, so a request arriving
  // during a build waits for it; the benchmark serialises every page before it starts instead.
  const prebuilt = new Map<string, string>();
  if (opts.prebuild) {
    const { limit, expand } = opts.prebuild;
    for (let from = state.first; from < state.total; from += limit) {
      const to = Math.min(state.total, from + limit);
      prebuilt.set(`${from}:${to}:${expand.join(',')}`, pageBody(from, to, expand));
    }
    built.clear();
  }
  let building: NodeJS.Immediate | undefined;
  const buildAhead = (from: number, limit: number, expand: string[], k: number) => {
    if (k > AHEAD || from >= state.total || prebuilt.size) return;
    building = setImmediate(() => {
      pageBody(from, Math.min(state.total, from + limit), expand);
      buildAhead(from + limit, limit, expand, k + 1);
    });
  };
  const srv = await startFaultyServer((url) => {
    if (url.pathname !== '/api/models') return { status: 404, body: '{"error":"not found"}' };
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 1000), opts.maxLimit ?? 1000);
    const from = url.searchParams.has('cursor')
      ? Number(Buffer.from(url.searchParams.get('cursor')!, 'base64url').toString())
      : state.first;
    const to = Math.min(state.total, from + limit);
    const expand = url.searchParams.getAll('expand[]');
    const body = pageBody(from, to, expand);
    const headers: Record<string, string> = {};
    if (to < state.total) {
      const next = new URL(url.toString().replace('http://127.0.0.1', base));
      next.searchParams.set('cursor', Buffer.from(String(to)).toString('base64url'));
      headers.link = `<${next.toString()}>; rel="next"`;
      clearImmediate(building);
      buildAhead(to, limit, expand, 1);
    }
    return { status: 200, body, headers };
  });
  base = srv.base;
  return {
    ...srv,
    state,
    addModels: (k) => {
      state.first -= k;
    },
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
