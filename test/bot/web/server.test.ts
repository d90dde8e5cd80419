import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { createWebChat, type RunningWeb } from '../../../src/bot/web/server.js';
import { createRateLimiter } from '../../../src/commands/checks/rate-limit.js';
import { defineCommand, type Command } from '../../../src/commands/types.js';
import { testServices } from '../../helpers/dataset.js';
import { isPng, PNG_1X1, testCommands } from '../test-commands.js';

type Services = Awaited<ReturnType<typeof testServices>>;

/**
 * A table with every case RFC 4180 cares about (comma, quote, CR/LF, empty) and the cells OWASP's
 * CSV-injection rule is about: text starting with = or - is neutralised, a true number is not.
 */
const tricky = defineCommand({
  definition: { name: 'tricky', description: 'A table that needs CSV quoting', options: {} },
  execute: () => ({
    text: 'tricky',
    table: {
      columns: ['name', 'note', 'n'],
      rows: [
        ['a, b', 'say "hi"', 1],
        ['line\nbreak', null, 2.5],
        ['=HYPERLINK("http://evil.example")', '-2+3', -0.69],
      ],
    },
    data: {},
    provenance: null,
  }),
}) as unknown as Command;

/** A chart named by its command, as /trend llama names trend-llama.png. */
const named = defineCommand({
  definition: { name: 'named', description: 'A chart with a name', options: {} },
  execute: () => ({
    text: 'named',
    chart: { mark: 'point', data: { values: [] } },
    chartName: { file: 'named-chart.png', title: '/named: a named chart' },
    data: {},
    provenance: null,
  }),
}) as unknown as Command;

let services: Services;
let web: RunningWeb;
let limitedWeb: RunningWeb;
let failingWeb: RunningWeb;
let renders = 0;

beforeAll(async () => {
  services = await testServices();
  const commands = [...testCommands().commands, tricky, named];
  web = await createWebChat(services, {
    host: '127.0.0.1',
    port: 0,
    commands,
    limiter: null,
    renderPng: async () => {
      renders++;
      return PNG_1X1;
    },
  });
  limitedWeb = await createWebChat(services, {
    host: '127.0.0.1',
    port: 0,
    commands,
    limiter: createRateLimiter({ limit: 2 }),
  });
  failingWeb = await createWebChat(services, {
    host: '127.0.0.1',
    port: 0,
    commands,
    limiter: null,
    renderPng: async () => {
      throw new Error('resvg exploded');
    },
  });
});

afterAll(async () => {
  await Promise.all([web?.close(), limitedWeb?.close(), failingWeb?.close()]);
  services?.db.close();
});

async function ask(base: string, body: unknown) {
  const res = await fetch(new URL('/api/ask', base), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: assertions walk arbitrary payload shapes
  return { status: res.status, headers: res.headers, json: (await res.json()) as Record<string, any> };
}

/** Raw request, for what fetch will not send (a wrong Host header). */
function rawGet(
  port: number,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('bot/web/server', () => {
  it('answers a command as JSON with the provenance line and a CSV link', async () => {
    const { status, json } = await ask(web.url, { text: '/dataset', user: 'alice' });
    expect(status).toBe(200);
    expect(json.error).toBeNull();
    // The replication package's coded topics (Challenges + Benefits, the paper's 455).
    expect(json.text).toContain('455 coded topics');
    expect(json.table.columns).toEqual(['file', 'rows', 'sha256']);
    expect(json.provenance).toMatch(/^dataset saner2024-[0-9a-f]+ \| source: /);
    expect(json.csvUrl).toBe(`/api/csv/${json.id}.csv`);
    expect(json.chartUrl).toBeNull();
  });

  it('runs commands as the user named in the request', async () => {
    const a = await ask(web.url, { text: '/echo 3', user: '  bob ' });
    expect(a.json.text).toBe('echo 3 for bob');
    const b = await ask(web.url, { text: '/echo 4' });
    expect(b.json.text).toBe('echo 4 for guest');
  });

  it('gives a command error as a reply with the error set, never a stack trace', async () => {
    const bad = await ask(web.url, { text: '/trnd llama', user: 'alice' });
    expect(bad.status).toBe(200);
    expect(bad.json.error.code).toBe('E_UNKNOWN_COMMAND');
    expect(bad.json.text).toContain('Unknown command /trnd');
    expect(bad.json.text).toContain('/trend');
    const boom = await ask(web.url, { text: '/boom', user: 'alice' });
    expect(boom.json.error.code).toBe('E_INTERNAL');
    expect(JSON.stringify(boom.json)).not.toMatch(/kaboom|at .*\.ts:\d+/);
  });

  it('rejects bad requests with 4xx JSON errors that say what to fix', async () => {
    const post = (body: string, type = 'application/json') =>
      fetch(new URL('/api/ask', web.url), { method: 'POST', headers: { 'content-type': type }, body });
    const badJson = await post('{"text": ');
    expect(badJson.status).toBe(400);
    expect(await badJson.json()).toMatchObject({
      error: { code: 'E_BAD_JSON', message: expect.stringContaining('not valid JSON') },
    });
    const missing = await post('{"user": "alice"}');
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.message).toMatch(/^text: is missing/);
    const notObject = await post('[1, 2]');
    expect((await notObject.json()).error.message).toMatch(/^body: must be a JSON object/);
    const tooLongText = await post(JSON.stringify({ text: `/echo ${'x'.repeat(2100)}` }));
    expect((await tooLongText.json()).error.message).toBe('text: is longer than 2000 characters.');
    const huge = await post(JSON.stringify({ text: 'x'.repeat(40_000) }));
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.code).toBe('E_TOO_LARGE');
    const form = await post('text=/help', 'application/x-www-form-urlencoded');
    expect(form.status).toBe(415);
    const get = await fetch(new URL('/api/ask', web.url));
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });

  it('answers unknown routes with a 404 JSON error', async () => {
    const res = await fetch(new URL('/api/nope', web.url));
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect((await res.json()).error.message).toContain('GET /api/nope');
    const file = await fetch(new URL('/../package.json', web.url));
    expect(file.status).toBe(404);
  });

  it('serves the chat page with security headers and refuses foreign Host headers', async () => {
    const res = await fetch(web.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<label for="user">Your name</label>');
    const rebound = await rawGet(web.port, '/api/complete?kind=command', { host: 'attacker.example:8787' });
    expect(rebound.status).toBe(403);
    expect(JSON.parse(rebound.body).error.code).toBe('E_HOST');
  });

  it('downloads the reply table as RFC 4180 CSV', async () => {
    const { json } = await ask(web.url, { text: '/tricky', user: 'alice' });
    const res = await fetch(new URL(json.csvUrl, web.url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="tricky.csv"; filename*=UTF-8\'\'tricky.csv',
    );
    expect(await res.text()).toBe(
      'name,note,n\r\n"a, b","say ""hi""",1\r\n"line\nbreak",,2.5\r\n"\'=HYPERLINK(""http://evil.example"")",\'-2+3,-0.69\r\n',
    );
    const expired = await fetch(new URL('/api/csv/AAAAAAAAAAAAAAAA.csv', web.url));
    expect(expired.status).toBe(404);
    expect((await expired.json()).error.code).toBe('E_EXPIRED');
  });

  it('draws the chart once, on first request, and degrades to a JSON error when drawing fails', async () => {
    const { json } = await ask(web.url, { text: '/plot kind:line', user: 'alice' });
    expect(json.chartUrl).toBe(`/api/chart/${json.id}.png`);
    expect(json.chartAlt).toBe('Chart: A line chart');
    expect(json.actions.map((a: { id: string }) => a.id)).toEqual(['pick', 'again']);
    expect(renders).toBe(0);
    for (let i = 0; i < 2; i++) {
      const res = await fetch(new URL(json.chartUrl, web.url));
      expect(res.headers.get('content-type')).toBe('image/png');
      expect(isPng(new Uint8Array(await res.arrayBuffer()))).toBe(true);
    }
    expect(renders).toBe(1);

    const failing = await ask(failingWeb.url, { text: '/plot', user: 'alice' });
    const res = await fetch(new URL(failing.json.chartUrl, failingWeb.url));
    expect(res.status).toBe(503);
    expect((await res.json()).error.message).toContain('numbers in the reply are complete');
    expect(services.logger.lines.some((l) => l.level === 'error' && l.msg.startsWith('chart rendering failed'))).toBe(
      true,
    );
  });

  it('downloads a chart under the name its command gave it', async () => {
    const { json } = await ask(web.url, { text: '/named', user: 'alice' });
    expect(json.chartFile).toBe('named-chart.png');
    const res = await fetch(new URL(json.chartUrl, web.url));
    expect(res.headers.get('content-disposition')).toBe('inline; filename="named-chart.png"');
    // Without a name, one is made from what was typed.
    const plot = await ask(web.url, { text: '/plot kind:line', user: 'alice' });
    expect(plot.json.chartFile).toBe('hfbot-plot-kind-line.png');
  });

  it('passes a thread title through', async () => {
    const { json } = await ask(web.url, { text: '/probe thread 12', user: 'alice' });
    expect(json.thread).toEqual({ title: 'Coding round 12' });
  });

  it('rate-limits per user with 429 and Retry-After', async () => {
    expect((await ask(limitedWeb.url, { text: '/echo 1', user: 'carol' })).status).toBe(200);
    expect((await ask(limitedWeb.url, { text: '/echo 2', user: 'carol' })).status).toBe(200);
    const third = await ask(limitedWeb.url, { text: '/echo 3', user: 'carol' });
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(third.json.error.code).toBe('E_RATE_LIMITED');
    // Another user is not affected.
    expect((await ask(limitedWeb.url, { text: '/echo 4', user: 'dave' })).status).toBe(200);
  });

  it('completes command names with subcommands and their options, model types and themes', async () => {
    const get = async (q: string) => (await fetch(new URL(`/api/complete?${q}`, web.url))).json();
    const cmds = await get('kind=command&q=code%20l');
    expect(cmds.items[0]).toMatchObject({ label: '/code label', value: '/code label ' });
    expect(cmds.items[0].options.map((o: { name: string }) => o.name)).toContain('topic');
    const trend = (await get('kind=command&q=tre')).items.find((c: { label: string }) => c.label === '/trend');
    expect(trend.options.find((o: { name: string }) => o.name === 'model')).toMatchObject({
      positional: true,
      autocomplete: 'model',
    });
    const models = await get('kind=model&q=llam');
    expect(models.items[0]).toEqual({ label: 'llama', value: 'llama' });
    const themes = await get('kind=theme&q=C1');
    expect(themes.items.length).toBeGreaterThan(0);
    expect(themes.items[0].value).toMatch(/^C1/);
    const bad = await fetch(new URL('/api/complete?kind=colour', web.url));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toBe('kind must be command, model or theme; got "colour".');
  });

  it('reports health', async () => {
    const res = await fetch(new URL('/healthz', web.url));
    expect(await res.json()).toMatchObject({ ok: true });
  });
});
