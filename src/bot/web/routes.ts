/**
 * The web chat's HTTP API: an HTTP request becomes a command context, a Reply becomes JSON.
 * No analysis happens here; every answer comes from the command pipeline.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { Pipeline } from '../../commands/pipeline.js';
import { completeCommands, completeValues } from '../../commands/complete.js';
import type { Services } from '../../services.js';
import { msg } from '../../messages/index.js';
import { chartPng, type RenderPng } from '../reply-attachments.js';
import { attachmentDisposition } from './csv.js';
import { tableCsvName } from '../reply-attachments.js';
import { CSV_CONTENT_TYPE, tableToCsv } from '../../csv.js';
import { readJson, send, sendJson, WebError } from './http.js';
import type { ReplyCache } from './reply-cache.js';
import { chartFile, toWebReply } from './reply-json.js';
import { staticFile } from './static.js';

export const MAX_BODY_BYTES = 16 * 1024;
export const MAX_TEXT_CHARS = 2000;

export interface WebDeps {
  services: Services;
  pipeline: Pipeline;
  cache: ReplyCache;
  renderPng?: RenderPng;
  publicDir?: string;
}

const AskBody = z.object({
  text: z
    .string({
      error: (i) =>
        i.input === undefined
          ? 'is missing: send the command to run, e.g. "/help"'
          : 'must be a string such as "/help"',
    })
    .trim()
    .min(1, 'is empty: type a command such as /help')
    .max(MAX_TEXT_CHARS, `is longer than ${MAX_TEXT_CHARS} characters`),
  user: z.string({ error: 'must be a string (your name)' }).trim().max(64, 'is longer than 64 characters').optional(),
});

const CompleteQuery = z.object({
  kind: z.enum(['command', 'model', 'theme'], { error: (i) => msg.web.badKind(String(i.input ?? '')) }),
  q: z.string().max(200, 'q is longer than 200 characters').default(''),
});

const ID = /^\/api\/(chart|csv)\/([A-Za-z0-9_-]{1,64})\.(png|csv)$/;
const FILE = /^\/api\/file\/([A-Za-z0-9_-]{1,64})\/(\d{1,3})$/;

/** "text: is missing ..." from the first zod issue, so the user knows which field to fix. */
function issueMessage(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const field = issue.path.length ? issue.path.join('.') : 'body';
  if (!issue.path.length && issue.code === 'invalid_type')
    return msg.web.badField('body', `must be a JSON object. ${msg.web.askExample}`);
  return msg.web.badField(field, issue.message);
}

function allow(req: IncomingMessage, methods: string[]): void {
  if (!methods.includes(req.method ?? 'GET')) {
    throw new WebError(
      405,
      'E_METHOD',
      msg.web.methodNotAllowed(req.method ?? '?', new URL(req.url ?? '/', 'http://x').pathname, methods.join(', ')),
      { allow: methods.join(', ') },
    );
  }
}

async function ask(req: IncomingMessage, res: ServerResponse, d: WebDeps): Promise<void> {
  const parsed = AskBody.safeParse(await readJson(req, MAX_BODY_BYTES));
  if (!parsed.success) throw new WebError(400, 'E_BAD_REQUEST', issueMessage(parsed.error));
  const { text } = parsed.data;
  const name = parsed.data.user || 'guest';
  const user = { id: name, name, platform: 'web' as const };
  const p = d.pipeline.prepare({ text }, { user, channel: { id: 'web' } });
  const reply = p.ok ? await p.run() : p.reply;
  const entry = d.cache.put(reply, text, name);
  // A command's own errors are answers (status 200, error set), like on Discord and Slack;
  // only rate limiting also says so in HTTP terms.
  const retry = p.ok ? undefined : p.retryAfterSeconds;
  sendJson(
    res,
    retry === undefined ? 200 : 429,
    toWebReply(entry),
    retry === undefined ? {} : { 'retry-after': String(retry) },
  );
}

async function chart(res: ServerResponse, id: string, d: WebDeps): Promise<void> {
  const entry = d.cache.get(id);
  if (!entry) throw new WebError(404, 'E_EXPIRED', msg.web.replyExpired(id));
  if (!entry.reply.chart) throw new WebError(404, 'E_NO_CHART', msg.web.noChart(id));
  if (!entry.png) {
    const drawing = chartPng(entry.reply, d.services, d.renderPng, `web:${entry.user}`);
    entry.png = drawing.catch(() => null);
    // Counted against its owner's share of the reply cache once drawn.
    void entry.png.then((png) => png && d.cache.addPng(entry, png));
    const busy = await drawing.then(
      () => null,
      (err: Error) => err,
    );
    if (busy) {
      delete entry.png;
      throw new WebError(429, 'E_BUSY', busy.message, { 'retry-after': '5' });
    }
  }
  const png = await entry.png;
  if (!png) {
    delete entry.png;
    throw new WebError(503, 'E_CHART', msg.web.chartFailed);
  }
  send(res, 200, png, {
    'content-type': 'image/png',
    'cache-control': 'private, max-age=3600',
    'content-disposition': `inline; filename="${chartFile(entry)}"`,
  });
}

function csv(res: ServerResponse, id: string, d: WebDeps): void {
  const entry = d.cache.get(id);
  if (!entry) throw new WebError(404, 'E_EXPIRED', msg.web.replyExpired(id));
  const table = entry.reply.table;
  if (!table?.columns.length) throw new WebError(404, 'E_NO_TABLE', msg.web.noTable(id));
  // A table listing only its first rows (table.complete) downloads as the file holding them all.
  const whole = table.complete && entry.reply.files?.find((f) => f.name === table.complete!.file);
  send(res, 200, whole ? whole.content : tableToCsv(table), {
    'content-type': CSV_CONTENT_TYPE,
    'cache-control': 'private, max-age=3600',
    'content-disposition': attachmentDisposition(tableCsvName(entry.reply, entry.raw) ?? 'table.csv'),
  });
}

/** Any file the reply carries (/code export's CSV, the rater pairs of /code agreement). */
function file(res: ServerResponse, id: string, index: number, d: WebDeps): void {
  const entry = d.cache.get(id);
  if (!entry) throw new WebError(404, 'E_EXPIRED', msg.web.replyExpired(id));
  const f = entry.reply.files?.[index];
  if (!f) throw new WebError(404, 'E_NO_FILE', msg.web.noFile(id, index));
  send(res, 200, f.content, {
    'content-type': f.contentType,
    'cache-control': 'private, max-age=3600',
    'content-disposition': attachmentDisposition(f.name),
  });
}

function completeRoute(res: ServerResponse, url: URL, d: WebDeps): void {
  const parsed = CompleteQuery.safeParse({
    kind: url.searchParams.get('kind') ?? undefined,
    q: url.searchParams.get('q') ?? undefined,
  });
  if (!parsed.success) throw new WebError(400, 'E_BAD_REQUEST', parsed.error.issues[0]!.message);
  const { kind, q } = parsed.data;
  const items = kind === 'command' ? completeCommands(d.pipeline.commands, q) : completeValues(d.services.db, kind, q);
  sendJson(res, 200, { kind, q, items });
}

export async function route(req: IncomingMessage, res: ServerResponse, d: WebDeps): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const p = url.pathname;
  if (p === '/api/ask') {
    allow(req, ['POST']);
    return ask(req, res, d);
  }
  if (p === '/api/complete') {
    allow(req, ['GET']);
    return completeRoute(res, url, d);
  }
  if (p === '/healthz') {
    allow(req, ['GET']);
    return sendJson(res, 200, {
      ok: true,
      commands: d.pipeline.commands.length,
      replies: d.cache.size,
      cacheBytes: d.cache.bytes,
    });
  }
  const f = FILE.exec(p);
  if (f) {
    allow(req, ['GET']);
    return file(res, f[1]!, Number(f[2]), d);
  }
  const m = ID.exec(p);
  if (m && ((m[1] === 'chart' && m[3] === 'png') || (m[1] === 'csv' && m[3] === 'csv'))) {
    allow(req, ['GET']);
    return m[1] === 'chart' ? chart(res, m[2]!, d) : csv(res, m[2]!, d);
  }
  if (!p.startsWith('/api/') && (req.method === 'GET' || req.method === 'HEAD')) {
    const file = await staticFile(p, d.publicDir);
    if (file) return send(res, 200, file.body, { 'content-type': file.type, 'cache-control': 'no-cache' });
  }
  throw new WebError(404, 'E_NOT_FOUND', msg.web.notFound(req.method ?? 'GET', p));
}
