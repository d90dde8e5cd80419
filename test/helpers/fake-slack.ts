/**
 * A fake Slack on 127.0.0.1: the Web API methods the bot calls, the external upload URL of
 * files.uploadV2, response_url endpoints, and a Socket Mode WebSocket behind apps.connections.open.
 * Records every request so tests assert on what the bot sent. As strict as the real API where
 * the bot depends on it (fake-slack-rules.ts): users.list pages and rate limits, users.info,
 * Block Kit limits, chat.postEphemeral only to channel members and only shown in an active
 * thread, chat.update only of the bot's own public messages, response_url 5 uses in 30 minutes.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { waitFor as waitUntil } from './wait-for.js';
import type { AddressInfo } from 'node:net';
import { createHmac } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import { slackMessageProblems } from './platform-limits.js';
import {
  blocksError,
  rateLimiter,
  TIERS,
  usersInfo,
  usersList,
  WORKSPACE,
  type FakeSlackUser,
} from './fake-slack-rules.js';

export type { FakeSlackUser } from './fake-slack-rules.js';

/** A message the bot posted (chat.postMessage), as it stands after chat.update / response_url. */
export interface FakeSlackMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  text: string;
  blocks?: unknown[];
  replies: number;
}

/** An ephemeral message (chat.postEphemeral or a response_url answer), as the one user sees it. */
export interface FakeEphemeral {
  id: string;
  channel: string;
  user: string;
  thread_ts?: string;
  text: string;
  blocks?: unknown[];
  /** chat.postEphemeral docs: "Ephemeral messages in threads are only shown if there is already an active thread". */
  shown: boolean;
}

export interface SlackCall {
  method: string;
  params: Record<string, unknown>;
  at: number;
}

export interface FakeSlack {
  /** Base for clientOptions.slackApiUrl, ending in /api/. */
  apiUrl: string;
  base: string;
  calls: SlackCall[];
  /** Bytes uploaded to each upload URL, with the filename given to files.getUploadURLExternal. */
  uploads: { fileId: string; name: string; bytes: Buffer }[];
  responses: { id: string; body: Record<string, unknown>; at: number }[];
  socketAcks: Record<string, unknown>[];
  callsTo(method: string): SlackCall[];
  /** The next call to `method` answers { ok: false, error }. */
  failNext(method: string, error: string): void;
  responseUrl(id: string): string;
  users: FakeSlackUser[];
  /** Public messages by ts, updated by chat.update and replace_original. */
  messages: Map<string, FakeSlackMessage>;
  ephemerals: FakeEphemeral[];
  /** Moves the fake's clock (response_url expiry, rate-limit windows). */
  advance(ms: number): void;
  /** Resolves when `pred` holds (polled), rejects after `ms`. */
  waitFor<T>(pred: () => T | undefined | false | null, ms?: number): Promise<T>;
  /** Socket Mode: sends an envelope to every connected client; resolves with the client's ack. */
  sendEnvelope(type: string, payload: Record<string, unknown>): Promise<Record<string, unknown>>;
  socketConnected(): Promise<void>;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseParams(req: IncomingMessage, body: Buffer): Record<string, unknown> {
  const type = req.headers['content-type'] ?? '';
  const text = body.toString('utf8');
  if (type.includes('application/json')) return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(text)) {
    // The Web API client JSON-encodes nested values (blocks, files) in form posts.
    out[k] = /^[[{]/.test(v) ? JSON.parse(v) : v;
  }
  return out;
}

/** The upload URL takes the file raw or as multipart form data (what @slack/web-api sends). */
async function uploadedBytes(req: IncomingMessage, body: Buffer): Promise<Buffer> {
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('multipart/form-data')) return body;
  const form = await new Response(new Uint8Array(body), { headers: { 'content-type': type } }).formData();
  let file: Blob | undefined;
  form.forEach((v) => {
    if (typeof v !== 'string') file ??= v;
  });
  return file ? Buffer.from(await file.arrayBuffer()) : Buffer.alloc(0);
}

export async function startFakeSlack(
  opts: {
    botUserId?: string;
    users?: FakeSlackUser[];
    tiers?: Record<string, { limit: number; windowMs: number }>;
    /** Channel -> members; C000 holds every workspace user by default. */
    members?: Record<string, string[]>;
  } = {},
): Promise<FakeSlack> {
  const users = opts.users ?? [...WORKSPACE];
  const members = opts.members ?? { C000: users.map((u) => u.id) };
  const messages = new Map<string, FakeSlackMessage>();
  const ephemerals: FakeEphemeral[] = [];
  const urlUses = new Map<string, { first: number; uses: number }>();
  let skew = 0;
  const clock = () => performance.now() + skew;
  const limited = rateLimiter({ ...TIERS, ...opts.tiers });
  const calls: SlackCall[] = [];
  const uploads: FakeSlack['uploads'] = [];
  const responses: FakeSlack['responses'] = [];
  const socketAcks: Record<string, unknown>[] = [];
  const failures = new Map<string, string>();
  const fileNames = new Map<string, string>();
  const sockets = new Set<WebSocket>();
  const waiters = new Map<string, (ack: Record<string, unknown>) => void>();
  let seq = 0;
  let fileSeq = 0;
  let base = '';

  const answer = (method: string, params: Record<string, unknown>): Record<string, unknown> => {
    const fail = failures.get(method);
    if (fail) {
      failures.delete(method);
      return { ok: false, error: fail };
    }
    // Slack refuses blocks over the Block Kit limits (invalid_blocks, msg_blocks_too_long).
    if (method === 'chat.postMessage' || method === 'chat.postEphemeral' || method === 'chat.update') {
      const bad = slackMessageProblems(params);
      if (bad) return { ok: false, error: bad.error, errors: bad.problems };
    }
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://fake.slack.test/',
          team: 'Fake',
          user: 'hfbot',
          team_id: 'T000',
          user_id: opts.botUserId ?? 'UBOT',
          bot_id: 'BBOT',
        };
      case 'chat.postMessage': {
        const bad = blocksError(params.blocks);
        if (bad) return { ok: false, error: bad };
        if (!params.text && !params.blocks) return { ok: false, error: 'no_text' };
        const ts = `1700000000.${String(++seq).padStart(6, '0')}`;
        const channel = String(params.channel);
        const thread = params.thread_ts ? String(params.thread_ts) : undefined;
        if (thread) {
          const parent = messages.get(thread);
          if (parent) parent.replies++;
        }
        messages.set(ts, {
          channel,
          ts,
          ...(thread ? { thread_ts: thread } : {}),
          text: String(params.text ?? ''),
          ...(params.blocks ? { blocks: params.blocks as unknown[] } : {}),
          replies: 0,
        });
        return {
          ok: true,
          channel: params.channel,
          ts,
          message: { text: params.text, ts, ...(thread ? { thread_ts: thread } : {}) },
        };
      }
      // api.slack.com/methods/chat.postEphemeral: the user must be in the channel.
      case 'chat.postEphemeral': {
        const bad = blocksError(params.blocks);
        if (bad) return { ok: false, error: bad };
        if (!params.channel || !params.user) return { ok: false, error: 'invalid_arguments' };
        if (!params.text && !params.blocks) return { ok: false, error: 'no_text' };
        const channel = String(params.channel);
        if (!members[channel]) return { ok: false, error: 'channel_not_found' };
        if (!members[channel].includes(String(params.user))) return { ok: false, error: 'user_not_in_channel' };
        const thread = params.thread_ts ? String(params.thread_ts) : undefined;
        const id = `1700000001.${String(++seq).padStart(6, '0')}`;
        ephemerals.push({
          id,
          channel,
          user: String(params.user),
          ...(thread ? { thread_ts: thread } : {}),
          text: String(params.text ?? ''),
          ...(params.blocks ? { blocks: params.blocks as unknown[] } : {}),
          shown: !thread || (messages.get(thread)?.replies ?? 0) > 0,
        });
        return { ok: true, message_ts: id };
      }
      // api.slack.com/methods/chat.update: only the app's own messages; ephemeral ones cannot be updated.
      case 'chat.update': {
        const bad = blocksError(params.blocks);
        if (bad) return { ok: false, error: bad };
        const m = messages.get(String(params.ts ?? ''));
        if (!m || m.channel !== params.channel) return { ok: false, error: 'message_not_found' };
        m.text = String(params.text ?? '');
        if (params.blocks) m.blocks = params.blocks as unknown[];
        else delete m.blocks;
        return { ok: true, channel: m.channel, ts: m.ts, text: m.text };
      }
      case 'users.list':
        return usersList(users, params);
      case 'users.info':
        return usersInfo(users, params);
      case 'files.getUploadURLExternal': {
        const id = `F${String(++fileSeq).padStart(6, '0')}`;
        fileNames.set(id, String(params.filename ?? ''));
        return { ok: true, upload_url: `${base}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal':
        return {
          ok: true,
          files: (params.files as { id: string; title?: string }[]).map((f) => ({ id: f.id, title: f.title ?? '' })),
        };
      case 'apps.connections.open':
        return { ok: true, url: `${base.replace('http', 'ws')}/socket` };
      default:
        return { ok: true };
    }
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const url = new URL(req.url ?? '/', 'http://x');
      const json = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      if (url.pathname.startsWith('/api/')) {
        const method = url.pathname.slice('/api/'.length);
        const params = parseParams(req, body);
        calls.push({ method, params, at: performance.now() });
        const wait = limited(method, clock());
        if (wait !== null) {
          res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(wait) });
          return res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
        }
        return json(200, answer(method, params));
      }
      if (url.pathname.startsWith('/upload/')) {
        const fileId = url.pathname.slice('/upload/'.length);
        uploads.push({ fileId, name: fileNames.get(fileId) ?? '', bytes: await uploadedBytes(req, body) });
        res.writeHead(200, { 'content-type': 'text/plain' });
        return res.end(`OK - ${body.length}`);
      }
      if (url.pathname.startsWith('/response/')) {
        const id = url.pathname.slice('/response/'.length);
        const payload = JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown>;
        // Handling user interaction: a response_url takes up to 5 responses within 30 minutes.
        const use = urlUses.get(id) ?? { first: clock(), uses: 0 };
        urlUses.set(id, use);
        if (clock() - use.first > 30 * 60_000) return json(404, { ok: false, error: 'expired_url' });
        if (use.uses >= 5) return json(404, { ok: false, error: 'used_url' });
        const bad = blocksError(payload.blocks) ?? slackMessageProblems(payload)?.error;
        if (bad) return json(400, { ok: false, error: bad });
        if (!payload.text && !payload.blocks && !payload.delete_original)
          return json(400, { ok: false, error: 'no_text' });
        use.uses++;
        responses.push({ id, body: payload, at: performance.now() });
        return json(200, { ok: true });
      }
      json(404, { ok: false, error: 'unknown_path' });
    })();
  });
  const wss = new WebSocketServer({ server, path: '/socket' });
  wss.on('connection', (ws) => {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    ws.on('message', (data) => {
      const m = JSON.parse(data.toString()) as { envelope_id?: string };
      socketAcks.push(m);
      if (m.envelope_id) waiters.get(m.envelope_id)?.(m);
    });
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        connection_info: { app_id: 'A000' },
        debug_info: { host: 'fake' },
      }),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const waitFor = <T>(pred: () => T | undefined | false | null, ms = 5000): Promise<T> =>
    waitUntil('fake-slack', pred, ms);
  let envSeq = 0;
  return {
    apiUrl: `${base}/api/`,
    base,
    calls,
    uploads,
    responses,
    socketAcks,
    callsTo: (m) => calls.filter((c) => c.method === m),
    failNext: (m, e) => void failures.set(m, e),
    responseUrl: (id) => `${base}/response/${id}`,
    users,
    messages,
    ephemerals,
    advance: (ms) => {
      skew += ms;
    },
    waitFor,
    socketConnected: async () => {
      await waitFor(() => sockets.size > 0);
    },
    sendEnvelope(type, payload) {
      const envelope_id = `env-${++envSeq}`;
      const acked = new Promise<Record<string, unknown>>((resolve) => waiters.set(envelope_id, resolve));
      for (const ws of sockets)
        ws.send(JSON.stringify({ envelope_id, type, payload, accepts_response_payload: type !== 'events_api' }));
      return acked;
    },
    async close() {
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** A slash-command request body as Slack sends it (form-encoded). */
export function slashBody(f: {
  command: string;
  text: string;
  user: string;
  channel?: string;
  responseUrl: string;
}): string {
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: 'T000',
    team_domain: 'fake',
    channel_id: f.channel ?? 'C000',
    channel_name: 'research',
    user_id: f.user,
    user_name: f.user.toLowerCase(),
    command: f.command,
    text: f.text,
    api_app_id: 'A000',
    response_url: f.responseUrl,
    trigger_id: 'trigger',
  }).toString();
}

/** Slack's v0 request signature (https://api.slack.com/authentication/verifying-requests-from-slack). */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}
