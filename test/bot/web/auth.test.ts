/**
 * The web chat off loopback (issue 14 item 5): no token, no start; with HFBOT_WEB_TOKEN every
 * route but the page's own files needs a bearer or the session cookie from /api/login; the Host
 * check holds for the configured names; the start line prints the address actually bound.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import os from 'node:os';
import { createWebChat, type RunningWeb } from '../../../src/bot/web/server.js';
import { createWebAuth, SESSION_SECONDS } from '../../../src/bot/web/auth.js';
import { allowedHosts, hostOfHeader, isLoopback } from '../../../src/bot/web/host-check.js';
import { loadConfig } from '../../../src/config.js';
import { main } from '../../../src/bot/cli/main.js';
import { testServices, tempDir } from '../../helpers/dataset.js';
import { REPLICATION } from '../../helpers/paths.js';
import { testCommands } from '../test-commands.js';

const TOKEN = 'k7Q2-correct-horse-battery-staple-9xZ';

let services: Awaited<ReturnType<typeof testServices>>;
let web: RunningWeb;

beforeAll(async () => {
  services = await testServices({ HFBOT_WEB_TOKEN: TOKEN, HFBOT_WEB_ALLOWED_HOSTS: 'chat.example.org' });
  // Every interface, as `hfbot serve --web --host 0.0.0.0` would; the test only talks over 127.0.0.1.
  web = await createWebChat(services, { host: '0.0.0.0', port: 0, limiter: null, commands: testCommands().commands });
});
afterAll(async () => {
  await web?.close();
  services?.db.close();
});

/** Raw request, so the Host header can be anything. */
function raw(
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: web.port, path, method: opts.method ?? 'GET', headers: opts.headers ?? {} },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}
const json = { 'content-type': 'application/json' };
const ask = (headers: Record<string, string>) =>
  raw('/api/ask', { method: 'POST', headers: { ...json, ...headers }, body: '{"text":"/echo 3","user":"ann"}' });
const login = (token: string) => raw('/api/login', { method: 'POST', headers: json, body: JSON.stringify({ token }) });

describe('bot/web/auth', () => {
  it('refuses to listen off loopback without HFBOT_WEB_TOKEN, with a message that says what to do', async () => {
    const bare = await testServices({}, services.config.HFBOT_DB);
    try {
      for (const host of ['0.0.0.0', '::', '192.0.2.7']) {
        const err = await createWebChat(bare, { host, port: 0 }).catch((e: unknown) => e as Error & { hint?: string });
        expect((err as Error).message).toContain(`will not listen on ${host} without HFBOT_WEB_TOKEN`);
        expect((err as { hint?: string }).hint).toMatch(/openssl rand -hex 32/);
      }
    } finally {
      bare.db.close();
    }
  });

  it('hfbot serve --host 0.0.0.0 without a token exits with the message; with one it prints the bound address', async () => {
    const dir = tempDir();
    const out: string[] = [];
    const err: string[] = [];
    const env = { HFBOT_REPLICATION_DIR: REPLICATION, HFBOT_LOG_LEVEL: 'error', HFBOT_DB: services.config.HFBOT_DB };
    const io = (extra: Record<string, string>) => ({
      out: (l: string) => void out.push(l),
      err: (l: string) => void err.push(l),
      env: { ...env, ...extra },
      cwd: dir,
    });
    expect(await main(['serve', '--host', '0.0.0.0', '--port', '0'], io({}))).not.toBe(0);
    expect(err.join('\n')).toContain('without HFBOT_WEB_TOKEN');
    const running = main(['serve', '--host', '0.0.0.0', '--port', '0'], io({ HFBOT_WEB_TOKEN: TOKEN }));
    await expect.poll(() => out.join('\n'), { timeout: 20_000 }).toMatch(/listening on 0\.0\.0\.0:\d+; open http:\/\//);
    const line = out.join('\n');
    expect(line).not.toContain('open http://127.0.0.1');
    expect(line).toContain('It asks for HFBOT_WEB_TOKEN');
    expect(line).not.toContain(TOKEN);
    process.emit('SIGTERM', 'SIGTERM');
    expect(await running).toBe(0);
  });

  it('reports the address actually bound', () => {
    expect(web.listening).toBe(`0.0.0.0:${web.port}`);
    expect(web.tokenRequired).toBe(true);
    expect(web.url).not.toContain('0.0.0.0');
  });

  it('serves the page without the token, and nothing else', async () => {
    expect((await raw('/', { headers: { host: '127.0.0.1' } })).status).toBe(200);
    expect((await raw('/login.js', { headers: { host: '127.0.0.1' } })).status).toBe(200);
    for (const path of ['/api/complete?kind=command', '/healthz', '/api/chart/abc.png', '/api/csv/abc.csv']) {
      const res = await raw(path, { headers: { host: '127.0.0.1' } });
      expect(res.status, path).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer realm="hfbot"');
      expect(JSON.parse(res.body).error.code).toBe('E_AUTH');
    }
    expect((await ask({})).status).toBe(401);
    const session = JSON.parse((await raw('/api/session')).body);
    expect(session).toEqual({ required: true, authorized: false });
  });

  it('takes the token as a bearer (and refuses a wrong or partial one)', async () => {
    expect((await ask({ authorization: `Bearer ${TOKEN}x` })).status).toBe(401);
    expect((await ask({ authorization: `Bearer ${TOKEN.slice(0, -1)}` })).status).toBe(401);
    expect((await ask({ authorization: `Basic ${TOKEN}` })).status).toBe(401);
    const ok = await ask({ authorization: `Bearer ${TOKEN}` });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body).text).toBe('echo 3 for ann');
  });

  it('takes the token once at /api/login and sets an HttpOnly SameSite=Strict session cookie', async () => {
    const wrong = await login('not-the-token-at-all');
    expect(wrong.status).toBe(401);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const res = await login(TOKEN);
    expect(res.status).toBe(204);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^hfbot_session=\d+\.[A-Za-z0-9_-]{43}; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Strict$/);
    // The cookie is not the token.
    expect(cookie).not.toContain(TOKEN);
    const value = cookie.split(';')[0]!;
    expect((await ask({ cookie: value })).status).toBe(200);
    expect(JSON.parse((await raw('/api/session', { headers: { cookie: value } })).body).authorized).toBe(true);
    // A forged or edited cookie is refused: a later expiry with the old MAC.
    const [, exp, mac] = /^hfbot_session=(\d+)\.(.+)$/.exec(value)!;
    expect((await ask({ cookie: `hfbot_session=${Number(exp) + 1}.${mac}` })).status).toBe(401);
  });

  it('marks the cookie Secure behind a TLS proxy', async () => {
    const res = await raw('/api/login', {
      method: 'POST',
      headers: { ...json, 'x-forwarded-proto': 'https' },
      body: JSON.stringify({ token: TOKEN }),
    });
    expect(String(res.headers['set-cookie'])).toMatch(/; Secure$/);
  });

  it('a session ends after its Max-Age, and when the token changes', () => {
    let t = Date.parse('2026-01-01T00:00:00Z');
    const auth = createWebAuth(TOKEN, () => t);
    const cookie = auth.sessionCookie({ headers: {} } as never).split(';')[0]!;
    const req = { headers: { cookie } } as never;
    expect(auth.authorized(req)).toBe(true);
    t += (SESSION_SECONDS + 1) * 1000;
    expect(auth.authorized(req)).toBe(false);
    t -= 2 * SESSION_SECONDS * 1000;
    expect(createWebAuth(`${TOKEN}-rotated`, () => t).authorized(req)).toBe(false);
  });

  it('never echoes the token: not in a bad-body error, not in the logs, not in a config error', async () => {
    const bad = await raw('/api/login', { method: 'POST', headers: json, body: `{"token": ${TOKEN}` });
    expect(bad.status).toBe(400);
    expect(bad.body).not.toContain(TOKEN);
    expect(JSON.stringify(services.logger.lines)).not.toContain(TOKEN);
    const short = 'short-secret';
    expect(() => loadConfig({ HFBOT_WEB_TOKEN: short }, tempDir())).toThrow(
      /HFBOT_WEB_TOKEN is invalid.*12 characters/,
    );
    try {
      loadConfig({ HFBOT_WEB_TOKEN: short }, tempDir());
    } catch (e) {
      expect((e as Error).message).not.toContain(short);
    }
  });

  it('keeps the Host check off loopback: configured names and this machine’s addresses only', async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    const rebound = await ask({ ...auth, host: 'attacker.example:8787' });
    expect(rebound.status).toBe(403);
    expect(JSON.parse(rebound.body).error.code).toBe('E_HOST');
    expect((await ask({ ...auth, host: 'chat.example.org' })).status).toBe(200);
    expect((await ask({ ...auth, host: 'CHAT.example.org.:443' })).status).toBe(200);
    expect((await ask({ ...auth, host: 'evil.chat.example.org' })).status).toBe(403);
    expect((await ask({ ...auth, host: `127.0.0.1:${web.port}` })).status).toBe(200);
    const external = Object.values(os.networkInterfaces())
      .flatMap((l) => l ?? [])
      .find((i) => i.family === 'IPv4' && !i.internal);
    if (external) expect((await ask({ ...auth, host: `${external.address}:${web.port}` })).status).toBe(200);
  });

  it('limits login attempts per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await login(`guess-${i}-xxxxxxxxxxxx`)).status);
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(10);
  });
});

describe('bot/web/host-check', () => {
  it('parses Host headers and knows loopback', () => {
    expect(hostOfHeader('[::1]:8787')).toBe('::1');
    expect(hostOfHeader('Chat.Example.org.:80')).toBe('chat.example.org');
    expect(isLoopback('127.0.0.5')).toBe(true);
    expect(isLoopback('localhost')).toBe(true);
    expect(isLoopback('0.0.0.0')).toBe(false);
    expect(isLoopback('10.0.0.1')).toBe(false);
    const bound = allowedHosts('192.0.2.7', ['chat.example.org']);
    expect([...bound].sort()).toEqual(['192.0.2.7', 'chat.example.org']);
    expect(allowedHosts('127.0.0.1').has('localhost')).toBe(true);
  });
});
