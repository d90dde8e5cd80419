/**
 * A fake Discord on 127.0.0.1: the REST routes the bot uses (GET /gateway/bot, interaction
 * callbacks, webhook edits/follow-ups, channel messages, threads, command registration) and a
 * gateway WebSocket (HELLO, IDENTIFY -> READY, heartbeats, injected dispatches).
 * Records every REST request, with multipart payload_json and files decoded.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { waitFor as waitUntil } from './wait-for.js';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { discordMessageProblems } from './platform-limits.js';

export const APP_ID = '200000000000000001';
export const BOT_ID = '200000000000000002';
export const GUILD_ID = '200000000000000003';
export const CHANNEL_ID = '200000000000000004';

export interface DiscordRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: Record<string, unknown> | unknown[] | null;
  files: { field: string; name: string; bytes: Buffer }[];
  at: number;
}

export interface FakeUser {
  id: string;
  username: string;
}

export interface FakeDiscord {
  /** For discord.js's rest.api option (and DISCORD_API_URL). */
  apiUrl: string;
  requests: DiscordRequest[];
  identifies: Record<string, unknown>[];
  /** Requests whose path mentions this interaction token or id. */
  forInteraction(x: { id: string; token: string }): DiscordRequest[];
  waitFor<T>(pred: () => T | undefined | false | null, ms?: number): Promise<T>;
  waitForReady(): Promise<void>;
  dispatch(t: string, d: Record<string, unknown>): void;
  /** Injects INTERACTION_CREATE for a chat-input command; resolves with its id and token. */
  chatInput(
    name: string,
    options?: unknown[],
    user?: FakeUser,
    opts?: { dm?: boolean },
  ): { id: string; token: string; sentAt: number };
  autocomplete(name: string, options: unknown[], user?: FakeUser): { id: string; token: string; sentAt: number };
  component(customId: string, values: string[] | null, user?: FakeUser): { id: string; token: string; sentAt: number };
  close(): Promise<void>;
}

let snow = 300000000000000000n;
const nextId = () => String(++snow);

async function readRequest(req: IncomingMessage, body: Buffer): Promise<Pick<DiscordRequest, 'body' | 'files'>> {
  const type = req.headers['content-type'] ?? '';
  if (!body.length) return { body: null, files: [] };
  if (type.startsWith('multipart/form-data')) {
    const form = await new Response(new Uint8Array(body), { headers: { 'content-type': type } }).formData();
    let json: Record<string, unknown> | null = null;
    const files: DiscordRequest['files'] = [];
    const entries: [string, FormDataEntryValue][] = [];
    form.forEach((v, k) => {
      entries.push([k, v]);
    });
    for (const [k, v] of entries) {
      if (typeof v === 'string') {
        if (k === 'payload_json') json = JSON.parse(v) as Record<string, unknown>;
      } else {
        files.push({ field: k, name: (v as File).name, bytes: Buffer.from(await v.arrayBuffer()) });
      }
    }
    return { body: json, files };
  }
  return { body: JSON.parse(body.toString('utf8')) as Record<string, unknown>, files: [] };
}

export async function startFakeDiscord(): Promise<FakeDiscord> {
  const requests: DiscordRequest[] = [];
  const identifies: Record<string, unknown>[] = [];
  const sockets = new Set<WebSocket>();
  let seq = 0;
  let ready = false;
  let base = '';

  const botUser = { id: BOT_ID, username: 'hfbot', discriminator: '0', global_name: null, avatar: null, bot: true };
  const message = (channelId: string, b: Record<string, unknown> | null, extra: Record<string, unknown> = {}) => ({
    id: nextId(),
    channel_id: channelId,
    type: 0,
    content: (b?.content as string | undefined) ?? '',
    author: botUser,
    embeds: (b?.embeds as unknown[] | undefined) ?? [],
    components: (b?.components as unknown[] | undefined) ?? [],
    attachments: [],
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    pinned: false,
    flags: (b?.flags as number | undefined) ?? 0,
    ...extra,
  });

  const route = (method: string, path: string, r: DiscordRequest): [number, unknown] => {
    // Discord refuses a message over its documented limits with 400 "Invalid Form Body" (50035).
    const sendsMessage =
      (method !== 'GET' && method !== 'DELETE' && /^\/webhooks\/|^\/channels\/\d+\/messages$/.test(path)) ||
      /\/callback$/.test(path);
    if (sendsMessage) {
      const b = r.body as Record<string, unknown> | null;
      const payload = /\/callback$/.test(path) ? ((b?.data as Record<string, unknown> | undefined) ?? null) : b;
      const problems = discordMessageProblems(payload, r.files);
      if (problems.length) return [400, { message: 'Invalid Form Body', code: 50035, errors: { _problems: problems } }];
    }
    if (method === 'GET' && path === '/gateway/bot')
      return [
        200,
        {
          url: `${base.replace('http', 'ws')}/gateway`,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
        },
      ];
    if (method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path))
      return r.query.get('with_response') === 'true'
        ? [
            200,
            { interaction: { id: path.split('/')[2], type: 2 }, resource: { type: (r.body as { type: number }).type } },
          ]
        : [204, null];
    if (/^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/.test(path)) {
      if (method === 'DELETE') return [204, null];
      return [
        200,
        message(CHANNEL_ID, r.body as Record<string, unknown>, { application_id: APP_ID, webhook_id: APP_ID }),
      ];
    }
    if (method === 'POST' && /^\/webhooks\/(\d+)\/([^/]+)$/.test(path))
      return [
        200,
        message(CHANNEL_ID, r.body as Record<string, unknown>, { application_id: APP_ID, webhook_id: APP_ID }),
      ];
    if (method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path))
      return [
        200,
        (r.body as Record<string, unknown>[]).map((c) => ({
          ...c,
          id: nextId(),
          application_id: APP_ID,
          version: nextId(),
        })),
      ];
    const thread = path.match(/^\/channels\/(\d+)\/messages\/(\d+)\/threads$/);
    if (method === 'POST' && thread)
      return [
        201,
        {
          id: nextId(),
          type: 11,
          guild_id: GUILD_ID,
          parent_id: thread[1],
          name: (r.body as { name: string }).name,
          owner_id: BOT_ID,
          thread_metadata: { archived: false, auto_archive_duration: 1440, locked: false },
        },
      ];
    const post = path.match(/^\/channels\/(\d+)\/messages$/);
    if (method === 'POST' && post) return [200, message(post[1]!, r.body as Record<string, unknown>)];
    return [404, { message: 'Unknown route in fake Discord', code: 0 }];
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const url = new URL(req.url ?? '/', 'http://x');
        const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, '');
        const parsed = await readRequest(req, Buffer.concat(chunks));
        const r: DiscordRequest = {
          method: req.method ?? 'GET',
          path,
          query: url.searchParams,
          ...parsed,
          at: performance.now(),
        };
        requests.push(r);
        const [status, body] = route(r.method, path, r);
        if (body === null) {
          res.writeHead(status);
          return res.end();
        }
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      })();
    });
  });

  const wss = new WebSocketServer({ server, path: '/gateway' });
  const send = (ws: WebSocket, p: Record<string, unknown>) => ws.send(JSON.stringify(p));
  wss.on('connection', (ws) => {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    send(ws, { op: 10, d: { heartbeat_interval: 41_250 }, s: null, t: null });
    ws.on('message', (data) => {
      const p = JSON.parse(data.toString()) as { op: number; d: Record<string, unknown> };
      if (p.op === 1) send(ws, { op: 11, d: null, s: null, t: null });
      if (p.op === 2) {
        identifies.push(p.d);
        send(ws, {
          op: 0,
          t: 'READY',
          s: ++seq,
          d: {
            v: 10,
            user: botUser,
            guilds: [],
            session_id: 'fake-session',
            resume_gateway_url: `${base.replace('http', 'ws')}/gateway`,
            shard: [0, 1],
            application: { id: APP_ID, flags: 0 },
          },
        });
        ready = true;
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const waitFor = <T>(pred: () => T | undefined | false | null, ms = 5000): Promise<T> =>
    waitUntil('fake-discord', pred, ms);
  const dispatch = (t: string, d: Record<string, unknown>) => {
    for (const ws of sockets) send(ws, { op: 0, t, s: ++seq, d });
  };
  // Each injected interaction without a user comes from a new one, so rate limits stay per test.
  let userSeq = 0;
  const freshUser = (): FakeUser => ({
    id: String(210000000000000000n + BigInt(++userSeq)),
    username: `user${userSeq}`,
  });
  const inject = (
    type: number,
    data: Record<string, unknown>,
    user: FakeUser,
    extra: Record<string, unknown> = {},
    dm = false,
  ) => {
    const id = nextId();
    const token = `tok-${id}`;
    const u = { id: user.id, username: user.username, discriminator: '0', global_name: null, avatar: null };
    const where = dm
      ? { channel_id: CHANNEL_ID, channel: { id: CHANNEL_ID, type: 1 }, user: u, context: 1 }
      : {
          guild_id: GUILD_ID,
          channel_id: CHANNEL_ID,
          channel: { id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: 'research' },
          member: {
            user: u,
            roles: [],
            joined_at: '2024-01-01T00:00:00.000Z',
            permissions: '2248473465835073',
            deaf: false,
            mute: false,
            flags: 0,
          },
          context: 0,
        };
    const sentAt = performance.now();
    dispatch('INTERACTION_CREATE', {
      id,
      application_id: APP_ID,
      type,
      token,
      version: 1,
      locale: 'en-US',
      app_permissions: '2248473465835073',
      entitlements: [],
      authorizing_integration_owners: { '0': GUILD_ID },
      ...where,
      data,
      ...extra,
    });
    return { id, token, sentAt };
  };
  return {
    apiUrl: `${base}/api`,
    requests,
    identifies,
    forInteraction: (x) =>
      requests.filter((r) => r.path.includes(x.token) || r.path.includes(`/interactions/${x.id}/`)),
    waitFor,
    waitForReady: async () => {
      await waitFor(() => ready);
    },
    dispatch,
    chatInput: (name, options = [], user = freshUser(), opts = {}) =>
      inject(2, { id: nextId(), name, type: 1, options }, user, {}, opts.dm),
    autocomplete: (name, options, user = freshUser()) => inject(4, { id: nextId(), name, type: 1, options }, user),
    component: (customId, values, user = freshUser()) =>
      inject(
        3,
        values ? { custom_id: customId, component_type: 3, values } : { custom_id: customId, component_type: 2 },
        user,
        { message: message(CHANNEL_ID, { content: '' }, { application_id: APP_ID, webhook_id: APP_ID }) },
      ),
    async close() {
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
