import { type ChildProcess, spawn } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { commands } from '../../../src/commands/index.js';
import { runCommandText } from '../../../src/commands/run.js';
import { openDatabase } from '../../../src/data/db.js';
import { buildTestDataset, tempDir, testServices } from '../../helpers/dataset.js';
import { REPLICATION, ROOT } from '../../helpers/paths.js';

/**
 * Issue 14 item 1: `hfbot ingest` run again and again onto the dataset a running `hfbot serve` is
 * writing to. Everything is a real process on real files: the server (web chat), 20 raters
 * labelling through it at once, 3 more raters in processes of their own (their own connections,
 * opened before the first ingest), and three ingests in a row. Every acknowledged label must be in the dataset afterwards, exactly
 * as often as it was acknowledged, and no write may fail.
 */
const CLI = path.join(ROOT, 'test/helpers/cli-child.ts');
const LOOP = path.join(path.dirname(fileURLToPath(import.meta.url)), 'label-loop.ts');
const HTTP_RATERS = Array.from({ length: 20 }, (_, i) => `r${i + 1}`);
const PROC_RATERS = ['p1', 'p2', 'p3'];

/** tsx by path: the children run in a scratch directory (no .env of this checkout), where 'tsx' does not resolve. */
const TSX = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

function child(args: string[], cwd: string, env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ['--import', TSX, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: cwd, HFBOT_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function collect(p: ChildProcess): { out: string[]; err: string[]; exit: Promise<number | null> } {
  const out: string[] = [];
  const err: string[] = [];
  createInterface({ input: p.stdout! }).on('line', (l) => out.push(l));
  createInterface({ input: p.stderr! }).on('line', (l) => err.push(l));
  return { out, err, exit: new Promise((r) => p.on('close', (code) => r(code))) };
}

/**
 * One request per connection: a kept-alive socket that the server closes as idle while the client
 * reuses it is reset, and then nobody knows whether the label was written.
 */
function post(url: string, json: unknown): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(json));
  });
}

describe('data/ingest (rebuild under a running bot)', () => {
  it('loses no acknowledged label while hfbot ingest runs three times under 23 writing raters', async () => {
    const cwd = tempDir();
    const dbFile = await buildTestDataset(cwd);
    const setup = await testServices({}, dbFile);
    // A round's raters are people of the platform it was started on (src/identity.ts): the web
    // chat here, for the processes' raters too (they label as those web chat names).
    const raters = [...HTTP_RATERS, ...PROC_RATERS].join(',');
    const start = await runCommandText(
      `/code start name:load size:12 raters:${raters} seed:load`,
      { user: { id: 'olga', platform: 'web' }, services: setup },
      commands,
    );
    expect(start.error).toBeUndefined();
    const topics = (
      setup.db.prepare('SELECT topic_id FROM round_topics WHERE round_id = 1 ORDER BY position').all() as {
        topic_id: number;
      }[]
    ).map((r) => r.topic_id);
    setup.db.close();

    const server = child([CLI, 'serve', '--web', '--port', '0', '--db', dbFile], cwd, {
      HFBOT_LOG_LEVEL: 'info',
      HFBOT_RATE_LIMIT_PER_MINUTE: '1000000',
    });
    const srv = collect(server);
    const stopFile = path.join(cwd, 'stop');
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const t = setInterval(() => {
          const m = srv.out.map((l) => /open (http:\/\/\S+) in/.exec(l)).find(Boolean);
          if (!m) return;
          clearInterval(t);
          resolve(m[1]!);
        }, 20);
        void srv.exit.then((c) => reject(new Error(`server exited ${c}: ${srv.err.join('\n')}`)));
      });

      let stop = false;
      const acks: { rater: string; topic: number; code: string; at: number }[] = [];
      const failures: string[] = [];
      const labeller = async (rater: string) => {
        for (let pass = 0; !stop; pass++)
          for (const t of topics) {
            if (stop) return;
            const code = `C${((t + pass) % 17) + 1}`;
            const res = await post(`${url}api/ask`, { text: `/code label ${t} ${code} round:load`, user: rater });
            const body = JSON.parse(res.body) as { error: { code: string } | null; text: string };
            if (res.status === 200 && !body.error) acks.push({ rater: `web:${rater}`, topic: t, code, at: Date.now() });
            else failures.push(`${rater} ${t}: ${res.status} ${body.text}`);
          }
      };
      // Waits for n acknowledgements; a failed label ends the wait (and the test) at once.
      const acked = async (n: number) => {
        while (acks.length < n) {
          expect(failures).toEqual([]);
          await new Promise((r) => setTimeout(r, 10));
        }
      };
      const http = HTTP_RATERS.map(labeller);
      const procs = PROC_RATERS.map((r) => collect(child([LOOP, dbFile, 'load', r, topics.join(','), stopFile], cwd)));

      const inode = statSync(dbFile).ino;
      const builtAt = () => {
        const db = openDatabase(dbFile, { readonly: true });
        const v = db.prepare("SELECT value FROM meta WHERE key = 'built_at'").pluck().get() as string;
        db.close();
        return v;
      };
      const builds = [builtAt()];
      const ingests: { from: number; to: number }[] = [];
      for (let i = 0; i < 3; i++) {
        const before = acks.length;
        await acked(before + 50);
        const from = Date.now();
        const ingest = collect(child([CLI, 'ingest', '--from', REPLICATION, '--db', dbFile], cwd));
        const code = await ingest.exit;
        expect(code, ingest.err.join('\n')).toBe(0);
        ingests.push({ from, to: Date.now() });
        builds.push(builtAt());
      }
      const lastIngest = acks.length;
      await acked(lastIngest + 50);
      stop = true;
      writeFileSync(stopFile, '');
      await Promise.all(http);
      const procResults = await Promise.all(procs.map(async (p) => ((await p.exit) === 0 ? p.out : [`exit ${p.err}`])));
      server.kill('SIGTERM');
      expect(await srv.exit).toBe(0);

      // Each ingest rebuilt the dataset, in the file every process had open, while raters labelled.
      expect(new Set(builds).size).toBe(4);
      expect(statSync(dbFile).ino).toBe(inode);
      for (const w of ingests) expect(acks.some((a) => a.at < w.from) && acks.some((a) => a.at > w.to)).toBe(true);
      expect(failures).toEqual([]);
      expect(srv.err.filter((l) => /readonly|went wrong|\] (error|warn):/i.test(l))).toEqual([]);
      for (const [i, r] of PROC_RATERS.entries()) {
        const lines = procResults[i]!;
        expect(
          lines.filter((l) => !l.startsWith('ok ')),
          procs[i]!.err.join('\n'),
        ).toEqual([]);
        for (const l of lines) {
          const [, topic, code] = l.split(' ');
          acks.push({ rater: `web:${r}`, topic: Number(topic), code: code!, at: 0 });
        }
      }

      // Every acknowledged label is there, as many times as it was acknowledged, and nothing else.
      const db = openDatabase(dbFile, { readonly: true });
      const stored = new Map<string, number>();
      for (const row of db.prepare('SELECT rater, topic_id, code FROM labels').all() as {
        rater: string;
        topic_id: number;
        code: string;
      }[])
        stored.set(
          `${row.rater} ${row.topic_id} ${row.code}`,
          (stored.get(`${row.rater} ${row.topic_id} ${row.code}`) ?? 0) + 1,
        );
      const ackedTimes = new Map<string, number>();
      for (const a of acks)
        ackedTimes.set(`${a.rater} ${a.topic} ${a.code}`, (ackedTimes.get(`${a.rater} ${a.topic} ${a.code}`) ?? 0) + 1);
      expect(stored).toEqual(ackedTimes);
      // The last acknowledged label of each rater and topic is the current one.
      const last = new Map<string, string>();
      for (const a of acks) last.set(`${a.rater} ${a.topic}`, a.code);
      const current = db.prepare('SELECT rater, topic_id, code FROM labels WHERE superseded_at IS NULL').all() as {
        rater: string;
        topic_id: number;
        code: string;
      }[];
      expect(new Map(current.map((c) => [`${c.rater} ${c.topic_id}`, c.code]))).toEqual(last);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    } finally {
      writeFileSync(stopFile, '');
      server.kill('SIGKILL');
    }
  }, 240_000);
});
