import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { serve } from '../../../src/bot/serve.js';
import { main } from '../../../src/bot/cli/main.js';
import type { PlatformStarter, RunningPlatform } from '../../../src/bot/platforms.js';
import { tempDir, testServices } from '../../helpers/dataset.js';
import { REPLICATION } from '../../helpers/paths.js';

let services: Awaited<ReturnType<typeof testServices>>;

beforeAll(async () => {
  services = await testServices();
});
afterAll(() => services?.db.close());

function fakePlatform(name: string, closed: string[]): PlatformStarter {
  return async () => ({ name, close: async () => void closed.push(name) }) satisfies RunningPlatform;
}
const notConfigured: PlatformStarter = async () => null;

describe('bot/serve', () => {
  it('starts the web chat when no other platform is configured, and closes it', async () => {
    const s = await serve(services, { starters: [notConfigured, notConfigured], port: 0, signals: false });
    expect(s.platforms.map((p) => p.name)).toEqual(['web']);
    const url = s.platforms[0]!.url!;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect((await fetch(new URL('/healthz', url))).status).toBe(200);
    await s.close();
    await s.closed;
    await expect(fetch(new URL('/healthz', url))).rejects.toThrow();
  });

  it('does not start the web chat next to a configured platform unless asked with --web', async () => {
    const closed: string[] = [];
    const only = await serve(services, {
      starters: [fakePlatform('discord', closed), notConfigured],
      port: 0,
      signals: false,
    });
    expect(only.platforms.map((p) => p.name)).toEqual(['discord']);
    await only.close();
    const both = await serve(services, {
      starters: [fakePlatform('discord', closed), fakePlatform('slack', closed)],
      web: true,
      port: 0,
      signals: false,
    });
    expect(both.platforms.map((p) => p.name)).toEqual(['discord', 'slack', 'web']);
    await both.close();
    // Closed in reverse start order; closing twice closes once.
    await both.close();
    expect(closed).toEqual(['discord', 'slack', 'discord']);
  });

  it('closes what already started when a later platform fails to start', async () => {
    const closed: string[] = [];
    const failing: PlatformStarter = async () => {
      throw new Error('Slack could not start');
    };
    await expect(
      serve(services, { starters: [fakePlatform('discord', closed), failing], port: 0, signals: false }),
    ).rejects.toThrow('Slack could not start');
    expect(closed).toEqual(['discord']);
  });

  it('names the port when it is taken', async () => {
    const first = await serve(services, { starters: [], port: 0, signals: false });
    const port = Number(new URL(first.platforms[0]!.url!).port);
    await expect(serve(services, { starters: [], port, signals: false })).rejects.toThrow(
      `could not listen on 127.0.0.1:${port}: the port is in use`,
    );
    await first.close();
  });

  it('hfbot serve builds a missing dataset, prints the URL, and stops cleanly on SIGTERM', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'fresh.sqlite');
    const out: string[] = [];
    const io = {
      out: (l: string) => void out.push(l),
      err: () => undefined,
      env: { HFBOT_REPLICATION_DIR: REPLICATION, HFBOT_LOG_LEVEL: 'error' },
      cwd: dir,
    };
    const running = main(['serve', '--port', '0', '--db', db], io);
    await expect
      .poll(() => out.join('\n'), { timeout: 20_000 })
      .toMatch(/Web chat: open http:\/\/127\.0\.0\.1:\d+\/ in your browser/);
    expect(existsSync(db)).toBe(true);
    const url = /open (\S+) in/.exec(out.join('\n'))![1]!;
    const reply = await fetch(new URL('/api/ask', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"text":"/dataset"}',
    });
    expect((await reply.json()).text).toContain('455 coded topics');
    process.emit('SIGTERM', 'SIGTERM');
    expect(await running).toBe(0);
    await expect(fetch(new URL('/healthz', url))).rejects.toThrow();
  });

  it('hfbot serve --help explains the flags; a bad --port is refused', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (l: string) => void out.push(l), err: (l: string) => void err.push(l), env: {}, cwd: tempDir() };
    expect(await main(['serve', '--help'], io)).toBe(0);
    expect(out.join('\n')).toContain('hfbot serve [--web] [--port N] [--host H] [--db FILE]');
    expect(await main(['serve', '--port', 'eighty'], io)).toBe(2);
    expect(err.join('\n')).toContain('--port must be a whole number from 0 to 65535; got "eighty".');
  });
});
