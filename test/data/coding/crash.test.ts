import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCommandText } from '../../../src/commands/run.js';
import { commands } from '../../../src/commands/index.js';
import { openDatabase } from '../../../src/data/db.js';
import { testServices, testUser } from '../../helpers/dataset.js';

const WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'label-worker.ts');

function worker(args: string[]): Promise<{ ok: number[]; errors: string[] }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', WORKER, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('error', reject);
    p.on('close', (_code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`worker ended without crashing: ${err}`));
      const lines = out.trim().split('\n').filter(Boolean);
      resolve({
        ok: lines.filter((l) => l.startsWith('ok ')).map((l) => Number(l.slice(3))),
        errors: lines.filter((l) => !l.startsWith('ok ')),
      });
    });
  });
}

describe('data/coding (separate processes, crash)', () => {
  it('three processes labelling the same file at once, each killed mid-round, lose no confirmed label', async () => {
    const s = await testServices();
    const file = s.config.HFBOT_DB;
    await runCommandText(
      '/code start name:crash size:30 raters:p1,p2,p3 seed:crash',
      { user: testUser('olga'), services: s },
      commands,
    );
    const topics = (
      s.db
        .prepare(
          "SELECT topic_id FROM round_topics t JOIN rounds r ON r.id = t.round_id WHERE r.name = 'crash' ORDER BY position",
        )
        .all() as { topic_id: number }[]
    ).map((r) => r.topic_id);
    s.db.close();
    const results = await Promise.all(
      ['p1', 'p2', 'p3'].map((u) => worker([file, 'crash', u, topics.join(','), '20'])),
    );
    const db = openDatabase(file);
    for (const [i, u] of ['p1', 'p2', 'p3'].entries()) {
      expect(results[i]!.errors).toEqual([]);
      expect(results[i]!.ok).toHaveLength(20);
      const stored = (
        db
          .prepare('SELECT topic_id FROM labels WHERE rater = ? AND superseded_at IS NULL ORDER BY id')
          .all(`test:${u}`) as {
          topic_id: number;
        }[]
      ).map((r) => r.topic_id);
      expect(stored).toEqual(results[i]!.ok);
    }
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  }, 60_000);
});
