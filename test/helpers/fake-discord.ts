/**
 * A fake Discord on 127.0.0.1: the REST routes the bot uses (GET /gateway/bot, interaction
 * callbacks, webhook edits/follow-ups, channel messages, threads, command registration, guild
 * members) and a gateway WebSocket (HELLO, IDENTIFY -> READY, heartbeats, injected dispatches).
 * Records every REST request, with multipart payload_json and files decoded. Strict where the
 * bot depends on it (fake-discord-guild.ts): one callback per interaction (40060 on a second),
 * UPDATE_MESSAGE and DEFERRED_UPDATE_MESSAGE only for components, message limits, member search
 * rules, private threads with members, Unknown Channel for a deleted thread.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { waitFor as waitUntil } from './wait-for.js';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { discordMessageProblems } from './platform-limits.js';
import {
  GUILD_MEMBERS,
  guildMembersRoute,
  memberObject,
  messageError,
  threadBodyError,
  userObject,
  type FakeMember,
  type FakeThread,
} from './fake-discord-guild.js';

export { GUILD_MEMBERS, type FakeMember } from './fake-discord-guild.js';

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
    opts?: { dm?: boolean; channel?: string },
  ): { id: string; token: string; sentAt: number };
  autocomplete(name: string, options: unknown[], user?: FakeUser): { id: string; token: string; sentAt: number };
  /** A click on a component of a stored message (opts.message) or of a fresh public one. */
  component(
    customId: string,
    values: string[] | null,
    user?: FakeUser,
    opts?: { message?: string },
  ): { id: string; token: string; sentAt: number };
  members: FakeMember[];
  threads: Map<string, FakeThread>;
  /** Every message by id as it stands now (posted, then edited by UPDATE_MESSAGE or PATCH). */
  messages: Map<string, Record<string, unknown>>;
  deleteThread(id: string): void;
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

export async function startFakeDiscord(opts: { members?: FakeMember[] } = {}): Promise<FakeDiscord> {
  const members = opts.members ?? [...GUILD_MEMBERS];
  const threads = new Map<string, FakeThread>();
  const messages = new Map<string, Record<string, unknown>>();
  /** Interactions by id and by token: their type, whether answered, and the message a component sits on. */
  const interactions = new Map<string, { type: number; acked: number | null; message?: string; original?: string }>();
  const byToken = new Map<string, string>();
  const requests: DiscordRequest[] = [];
  const identifies: Record<string, unknown>[] = [];
  const sockets = new Set<WebSocket>();
  let seq = 0;
  let ready = false;
  let base = '';

  const botUser = { id: BOT_ID, username: 'hfbot', discriminator: '0', global_name: null, avatar: null, bot: true };
  const message = (channelId: string, b: Record<string, unknown> | null, extra: Record<string, unknown> = {}) => {
    const m = rawMessage(channelId, b, extra);
    messages.set(m.id, m);
    return m;
  };
  const rawMessage = (channelId: string, b: Record<string, unknown> | null, extra: Record<string, unknown> = {}) => ({
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

  const edit = (id: string | undefined, b: Record<string, unknown> | null) => {
    const m = id ? messages.get(id) : undefined;
    if (!m || !b) return m;
    for (const k of ['content', 'embeds', 'components'] as const) if (k in b) m[k] = b[k];
    return m;
  };
  const isComponent = (t: number) => t === 3;
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
    const members_ = guildMembersRoute(members, method, path, r.query, GUILD_ID);
    if (members_) return members_;
    const cb = path.match(/^\/interactions\/(\d+)\/([^/]+)\/callback$/);
    if (method === 'POST' && cb) {
      const it = interactions.get(cb[1]!);
      const body = r.body as { type: number; data?: Record<string, unknown> };
      if (!it) return [404, { code: 10062, message: 'Unknown interaction' }];
      // receiving-and-responding: one initial response per interaction.
      if (it.acked !== null) return [400, { code: 40060, message: 'Interaction has already been acknowledged.' }];
      if ((body.type === 6 || body.type === 7) && !isComponent(it.type))
        return [400, { code: 50035, message: 'Invalid Form Body: UPDATE_MESSAGE is only for component interactions' }];
      const bad = messageError(body.data ?? null);
      if (bad) return bad;
      it.acked = body.type;
      if (body.type === 7) edit(it.message, body.data ?? null);
      if (body.type === 4 || body.type === 5)
        it.original = message(CHANNEL_ID, (body.data ?? null) as Record<string, unknown> | null).id;
    }
    const original = path.match(/^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/);
    if (original && method === 'PATCH') {
      const it = interactions.get(byToken.get(original[2]!) ?? '');
      if (!it || it.acked === null) return [404, { code: 10015, message: 'Unknown Webhook' }];
      const bad = messageError(r.body as Record<string, unknown>);
      if (bad) return bad;
      const m = edit(it.acked === 6 || it.acked === 7 ? it.message : it.original, r.body as Record<string, unknown>);
      return [200, m ?? message(CHANNEL_ID, r.body as Record<string, unknown>)];
    }
    const newThread = path.match(/^\/channels\/(\d+)\/threads$/);
    if (method === 'POST' && newThread) {
      const parent = newThread[1]!;
      if (threads.has(parent)) return [400, { code: 50024, message: 'Cannot execute action on this channel type' }];
      const bad = threadBodyError(r.body as Record<string, unknown>);
      if (bad) return bad;
      const b = r.body as { name: string; type?: number; invitable?: boolean; auto_archive_duration?: number };
      const t: FakeThread = {
        id: nextId(),
        parent_id: parent,
        type: b.type ?? 12,
        name: b.name,
        invitable: b.invitable ?? true,
        members: new Set([BOT_ID]),
        deleted: false,
      };
      threads.set(t.id, t);
      return [
        201,
        {
          id: t.id,
          type: t.type,
          guild_id: GUILD_ID,
          parent_id: parent,
          name: t.name,
          owner_id: BOT_ID,
          thread_metadata: {
            archived: false,
            auto_archive_duration: b.auto_archive_duration ?? 4320,
            locked: false,
            invitable: t.invitable,
          },
        },
      ];
    }
    const threadMember = path.match(/^\/channels\/(\d+)\/thread-members\/(\d+)$/);
    if (method === 'PUT' && threadMember) {
      const t = threads.get(threadMember[1]!);
      if (!t || t.deleted) return [404, { code: 10003, message: 'Unknown Channel' }];
      if (!members.some((m) => m.id === threadMember[2])) return [404, { code: 10007, message: 'Unknown Member' }];
      t.members.add(threadMember[2]!);
      return [204, null];
    }
    const toChannel = path.match(/^\/channels\/(\d+)\/messages$/);
    if (method === 'POST' && toChannel) {
      if (threads.get(toChannel[1]!)?.deleted) return [404, { code: 10003, message: 'Unknown Channel' }];
      const bad = messageError(r.body as Record<string, unknown>);
      if (bad) return bad;
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
  /** The channel object an interaction carries: the text channel, a thread of ours, or a DM. */
  const channelObject = (id: string) => {
    const t = threads.get(id);
    return t
      ? { id, type: t.type, guild_id: GUILD_ID, parent_id: t.parent_id, name: t.name }
      : { id, type: 0, guild_id: GUILD_ID, name: 'research' };
  };
  const inject = (
    type: number,
    data: Record<string, unknown>,
    user: FakeUser,
    extra: Record<string, unknown> = {},
    dm = false,
    channelId = CHANNEL_ID,
  ) => {
    const id = nextId();
    const token = `tok-${id}`;
    const known = members.find((m) => m.id === user.id);
    const u = known
      ? userObject(known)
      : { id: user.id, username: user.username, discriminator: '0', global_name: null, avatar: null };
    const where = dm
      ? { channel_id: channelId, channel: { id: channelId, type: 1 }, user: u, context: 1 }
      : {
          guild_id: GUILD_ID,
          channel_id: channelId,
          channel: channelObject(channelId),
          member: {
            ...(known ? memberObject(known) : { user: u, roles: [], joined_at: '2024-01-01T00:00:00.000Z' }),
            user: u,
            permissions: '2248473465835073',
            deaf: false,
            mute: false,
            flags: 0,
          },
          context: 0,
        };
    const sentAt = performance.now();
    const message = (extra.message as { id?: string } | undefined)?.id;
    interactions.set(id, { type, acked: null, ...(message ? { message } : {}) });
    byToken.set(token, id);
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
  /** USER (6) options carry an id; the interaction's data.resolved has the user and member objects. */
  const resolvedFor = (options: unknown[]) => {
    const leaf = (options as { type: number; options?: unknown[] }[]).flatMap((o) =>
      o.type === 1
        ? ((o.options ?? []) as { type: number; value?: unknown }[])
        : [o as { type: number; value?: unknown }],
    );
    const ids = leaf.filter((o) => o.type === 6).map((o) => String(o.value));
    const found = members.filter((m) => ids.includes(m.id));
    if (!found.length) return {};
    return {
      resolved: {
        users: Object.fromEntries(found.map((m) => [m.id, userObject(m)])),
        members: Object.fromEntries(
          found.map((m) => {
            const { user: _user, deaf: _d, mute: _m, ...partial } = memberObject(m);
            return [m.id, { ...partial, permissions: '0' }];
          }),
        ),
      },
    };
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
      inject(
        2,
        { id: nextId(), name, type: 1, options, ...resolvedFor(options) },
        user,
        {},
        opts.dm,
        opts.channel ?? CHANNEL_ID,
      ),
    autocomplete: (name, options, user = freshUser()) => inject(4, { id: nextId(), name, type: 1, options }, user),
    component: (customId, values, user = freshUser(), opts = {}) => {
      const stored = opts.message ? messages.get(opts.message) : undefined;
      const msgObj = stored ?? message(CHANNEL_ID, { content: '' }, { application_id: APP_ID, webhook_id: APP_ID });
      return inject(
        3,
        values ? { custom_id: customId, component_type: 3, values } : { custom_id: customId, component_type: 2 },
        user,
        { message: msgObj },
        false,
        String(msgObj.channel_id),
      );
    },
    members,
    threads,
    messages,
    deleteThread: (id) => {
      const t = threads.get(id);
      if (t) t.deleted = true;
    },
    async close() {
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
