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

// ---------------------------------------------------------------------------------------------
// Fake Discourse: generated topics served like /latest.json, /t/<id>.json, /t/<id>/posts.json.

export interface FakePost {
  id: number;
  post_number: number;
  username: string;
  created_at: string;
  cooked: string;
  accepted_answer?: boolean;
}
export interface FakeTopic {
  id: number;
  title: string;
  category_id: number;
  created_at: string;
  bumped_at: string;
  views: number;
  tags: string[];
  pinned: boolean;
  posts: FakePost[];
}

export interface FakeDiscourse extends FaultyServer {
  topics: Map<number, FakeTopic>;
  /** A new reply: bumps the topic to the top of /latest. */
  reply(topicId: number, text: string, at: string): void;
  addTopic(title: string, text: string, at: string): FakeTopic;
  count(kind: 'latest' | 'topic' | 'posts' | 'categories'): number;
}

const WORDS = [
  'model',
  'training',
  'loss',
  'tokenizer',
  'dataset',
  'pipeline',
  'error',
  'GPU',
  'fine-tune',
  'inference',
  'batch',
  'checkpoint',
];
const MODELS = [
  'BERT',
  'gpt2',
  'GPT-2',
  't5',
  'RoBERTa',
  'llama-2',
  'Whisper',
  'bart',
  'DistilBERT',
  'ViT',
  'wav2vec2',
];
const AMBIGUOUS = [
  'I will opt for a smaller batch',
  'the clip of audio is short',
  'Sam said it works',
  'I use git to push',
];
export const FAKE_CATEGORIES = [
  { id: 5, name: 'Beginners', slug: 'beginners', subs: [] as { id: number; name: string; slug: string }[] },
  { id: 6, name: 'Intermediate', slug: 'intermediate', subs: [] },
  {
    id: 9,
    name: '🤗Transformers',
    slug: 'transformers',
    subs: [{ id: 21, name: 'Transformers Agents', slug: 'agents' }],
  },
];
const CATEGORY_IDS = [5, 6, 9, 21];

/** Deterministic pseudo-random numbers, so every run serves the same forum. */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function generateTopics(n: number, seed = 1): FakeTopic[] {
  const rnd = lcg(seed);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)]!;
  const start = Date.parse('2020-07-01T00:00:00Z');
  const span = Date.parse('2023-06-20T00:00:00Z') - start;
  let postId = 1000;
  const topics: FakeTopic[] = [];
  for (let i = 0; i < n; i++) {
    const id = 100 + i * 3;
    const created = start + Math.floor((i / n) * span);
    // Every 97th topic is long enough to need extra post chunks (Discourse sends 20 at first).
    const nPosts = i % 97 === 5 ? 45 : 1 + Math.floor(rnd() * 4);
    const posts: FakePost[] = [];
    for (let p = 0; p < nPosts; p++) {
      const m = pick(MODELS);
      const extra = rnd() < 0.1 ? ` ${pick(AMBIGUOUS)}.` : '';
      posts.push({
        id: postId++,
        post_number: p + 1,
        username: `user${Math.floor(rnd() * 500)}`,
        created_at: new Date(created + p * 3_600_000).toISOString(),
        cooked: `<p>Using <strong>${m}</strong> for ${pick(WORDS)} &amp; ${pick(WORDS)}.${extra}</p><p><a href="https://hf.co/x">link</a></p>`,
        accepted_answer: p === 1 && i % 4 === 0,
      });
    }
    topics.push({
      id,
      title: `${pick(WORDS)} problem with ${pick(MODELS)} #${i}`,
      category_id: pick(CATEGORY_IDS),
      created_at: new Date(created).toISOString(),
      bumped_at: posts.at(-1)!.created_at,
      views: 10 + Math.floor(rnd() * 1000),
      tags: rnd() < 0.3 ? ['help'] : [],
      pinned: i === 0,
      posts,
    });
  }
  return topics;
}

const postJson = (t: FakeTopic, p: FakePost) => ({
  ...p,
  topic_id: t.id,
  name: '',
  avatar_template: '/a.png',
  reads: 1,
  yours: false,
});
const topicJson = (t: FakeTopic) => ({
  id: t.id,
  title: t.title,
  fancy_title: t.title,
  created_at: t.created_at,
  last_posted_at: t.posts.at(-1)!.created_at,
  bumped_at: t.bumped_at,
  category_id: t.category_id,
  tags: t.tags,
  views: t.views,
  reply_count: t.posts.length - 1,
  posts_count: t.posts.length,
  pinned: t.pinned,
  has_accepted_answer: t.posts.some((p) => p.accepted_answer),
  archetype: 'regular',
});

export async function startFakeDiscourse(topicList: FakeTopic[], perPage = 30): Promise<FakeDiscourse> {
  const topics = new Map(topicList.map((t) => [t.id, t]));
  let nextPost = 10_000_000;
  const ordered = () =>
    [...topics.values()].sort(
      (a, b) => Number(b.pinned) - Number(a.pinned) || b.bumped_at.localeCompare(a.bumped_at) || b.id - a.id,
    );
  const route = (url: URL): Routed => {
    const p = url.pathname;
    if (p === '/latest.json') {
      const page = Number(url.searchParams.get('page') ?? 0);
      const all = ordered();
      const slice = all.slice(page * perPage, (page + 1) * perPage);
      const more = (page + 1) * perPage < all.length;
      return {
        status: 200,
        body: JSON.stringify({
          users: [],
          topic_list: {
            can_create_topic: false,
            per_page: perPage,
            topics: slice.map(topicJson),
            ...(more ? { more_topics_url: `/latest?page=${page + 1}` } : {}),
          },
        }),
      };
    }
    if (p === '/categories.json') {
      return {
        status: 200,
        body: JSON.stringify({
          category_list: {
            categories: FAKE_CATEGORIES.map((c) => ({
              id: c.id,
              name: c.name,
              slug: c.slug,
              subcategory_list: c.subs,
            })),
          },
        }),
      };
    }
    const mt = /^\/t\/(\d+)\.json$/.exec(p);
    const mp = /^\/t\/(\d+)\/posts\.json$/.exec(p);
    const t = topics.get(Number((mt ?? mp)?.[1]));
    if (!t) return { status: 404, body: JSON.stringify({ errors: ['not found'] }) };
    if (mt) {
      return {
        status: 200,
        body: JSON.stringify({
          ...topicJson(t),
          chunk_size: 20,
          post_stream: { posts: t.posts.slice(0, 20).map((x) => postJson(t, x)), stream: t.posts.map((x) => x.id) },
        }),
      };
    }
    const ids = new Set(url.searchParams.getAll('post_ids[]').map(Number));
    return {
      status: 200,
      body: JSON.stringify({
        post_stream: { posts: t.posts.filter((x) => ids.has(x.id)).map((x) => postJson(t, x)) },
        id: t.id,
      }),
    };
  };
  const srv = await startFaultyServer(route);
  return {
    ...srv,
    topics,
    reply(topicId, text, at) {
      const t = topics.get(topicId)!;
      t.posts.push({
        id: nextPost++,
        post_number: t.posts.length + 1,
        username: 'replier',
        created_at: at,
        cooked: `<p>${text}</p>`,
      });
      t.bumped_at = at;
    },
    addTopic(title, text, at) {
      const id = Math.max(...topics.keys()) + 1;
      const t: FakeTopic = {
        id,
        title,
        category_id: 5,
        created_at: at,
        bumped_at: at,
        views: 1,
        tags: [],
        pinned: false,
        posts: [{ id: nextPost++, post_number: 1, username: 'asker', created_at: at, cooked: `<p>${text}</p>` }],
      };
      topics.set(id, t);
      return t;
    },
    count(kind) {
      const re = {
        latest: /^\/latest\.json/,
        topic: /^\/t\/\d+\.json/,
        posts: /^\/t\/\d+\/posts\.json/,
        categories: /^\/categories\.json/,
      }[kind];
      return srv.requests.filter((r) => re.test(r)).length;
    },
  };
}
