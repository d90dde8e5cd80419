/**
 * No side channel before reveal (issue 11 item 3): for every command rater B can run, what B sees
 * (text, table, data, CSV, chart spec, files; in the web chat also the downloaded CSV and PNG)
 * is identical before and after rater A changes a label B cannot see yet. A control shows the
 * comparison can fail: once B labels that topic too (a reveal), B's view does change.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommandText } from '../../src/commands/run.js';
import { commands } from '../../src/commands/index.js';
import { tableToCsv } from '../../src/csv.js';
import type { Reply } from '../../src/reply.js';
import { createWebChat, type RunningWeb } from '../../src/bot/web/server.js';
import { testServices, testUser } from '../helpers/dataset.js';

let services: Awaited<ReturnType<typeof testServices>>;
const run = (text: string, user: string) => runCommandText(text, { user: testUser(user), services }, commands);
const topicsOf = (name: string) =>
  (
    services.db
      .prepare(
        'SELECT topic_id FROM round_topics t JOIN rounds r ON r.id = t.round_id WHERE r.name = ? ORDER BY position',
      )
      .all(name) as { topic_id: number }[]
  ).map((r) => r.topic_id);

/** Everything a reply shows or lets one download. */
const seen = (r: Reply) =>
  JSON.stringify({
    text: r.text,
    table: r.table ?? null,
    csv: r.table ? tableToCsv(r.table) : null,
    chart: r.chart ?? null,
    data: r.data,
    provenance: r.provenance,
    actions: r.actions ?? [],
    files: (r.files ?? []).map((f) => [f.name, String(f.content)]),
    error: r.error ?? null,
  });

async function view(user: string, cmds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const c of cmds) out.set(c, seen(await run(c, user)));
  return out;
}

let t: number[] = [];

beforeAll(async () => {
  services = await testServices();
  // Stratified, so Beginners topics are in the round and /challenges level:beginner could move.
  await run('/code start name:blind size:6 raters:alice,bob purpose:study seed:blind stratify:forum-category', 'olga');
  t = topicsOf('blind');
  await run(`/code label ${t[0]} C1 code:"shared-one" round:blind`, 'alice');
  await run(`/code label ${t[0]} C1 code:"shared-one" round:blind`, 'bob');
  await run(`/code label ${t[1]} C3 code:"alice-secret" sub:"Memory" round:blind`, 'alice');
  await run(`/code label ${t[2]} C4 round:blind`, 'bob');
});

const B_COMMANDS = () => [
  '/code status blind',
  '/code agreement blind',
  '/code disagreements blind',
  '/code saturation blind',
  '/code saturation blind batch:1 k:1',
  '/code export blind',
  '/code next blind',
  `/code resolve ${t[1]} C7 round:blind`,
  '/examples C3',
  '/examples C7',
  '/challenges level:beginner',
  '/challenges level:intermediate',
  '/challenges',
];

describe('commands/code blinding (no side channels before reveal)', () => {
  it('rater B sees exactly the same before and after rater A changes a hidden label, in every command B can run', async () => {
    const before = await view('bob', B_COMMANDS());
    const ownerBefore = await view('olga', ['/code export blind', '/code agreement blind', '/code saturation blind']);
    // A changes the hidden label: another category, subcategory and free-text code.
    const r = await run(`/code label ${t[1]} C7 code:"alice-changed" round:blind`, 'alice');
    expect(r.data.replaced).toBe(true);
    const after = await view('bob', B_COMMANDS());
    for (const [cmd, was] of before) expect(after.get(cmd), cmd).toBe(was);
    expect(await view('olga', ['/code export blind', '/code agreement blind', '/code saturation blind'])).toEqual(
      ownerBefore,
    );
    for (const v of [...after.values()]) expect(v).not.toMatch(/alice-secret|alice-changed/);
  });

  it("the comparison can fail: when B labels the topic too (a reveal), B sees A's label", async () => {
    const before = await view('bob', ['/code disagreements blind', '/code saturation blind', '/code agreement blind']);
    await run(`/code label ${t[1]} C3 round:blind`, 'bob');
    const after = await view('bob', ['/code disagreements blind', '/code saturation blind', '/code agreement blind']);
    expect(after.get('/code disagreements blind')).not.toBe(before.get('/code disagreements blind'));
    expect(after.get('/code saturation blind')).not.toBe(before.get('/code saturation blind'));
    expect(after.get('/code disagreements blind')).toContain('"alice":"C7"');
  });
});

describe('commands/code blinding in the web chat (downloads too)', () => {
  let web: RunningWeb;
  beforeAll(async () => {
    web = await createWebChat(services, { host: '127.0.0.1', port: 0, limiter: null });
  });
  afterAll(async () => {
    await web?.close();
    services?.db.close();
  });

  async function ask(user: string, text: string) {
    const res = await fetch(`${web.url}api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text, user }),
    });
    const {
      id: _id,
      chartUrl,
      csvUrl,
      ...reply
    } = (await res.json()) as Record<string, unknown> & {
      id: string;
      chartUrl: string | null;
      csvUrl: string | null;
    };
    const csv = csvUrl ? await (await fetch(new URL(csvUrl, web.url))).text() : null;
    const png = chartUrl
      ? createHash('sha256')
          .update(Buffer.from(await (await fetch(new URL(chartUrl, web.url))).arrayBuffer()))
          .digest('hex')
      : null;
    return JSON.stringify({ reply, csv, png });
  }

  it('web:bob gets the same JSON, CSV download and PNG before and after web:alice changes a hidden label', async () => {
    await ask('olga', '/code start name:wb size:4 raters:alice,bob purpose:study seed:wb');
    const w = topicsOf('wb');
    await ask('alice', `/code label ${w[0]} C2 round:wb`);
    await ask('bob', `/code label ${w[0]} C2 round:wb`);
    await ask('alice', `/code label ${w[1]} C5 code:"web-secret" round:wb`);
    const cmds = [
      '/code status wb',
      '/code agreement wb',
      '/code disagreements wb',
      '/code saturation wb',
      '/code export wb',
    ];
    const before = new Map<string, string>();
    for (const c of cmds) before.set(c, await ask('bob', c));
    await ask('alice', `/code label ${w[1]} C9 code:"web-changed" round:wb`);
    for (const c of cmds) expect(await ask('bob', c), c).toBe(before.get(c));
    // The agreement answer has a chart: its PNG was downloaded and compared byte for byte.
    expect(JSON.parse(before.get('/code agreement wb')!).png).toMatch(/^[0-9a-f]{64}$/);
  });
});
