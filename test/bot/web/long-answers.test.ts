/**
 * Issue 13 items 1 and 3 in the web chat's API: every command's answer (the same lines as the
 * Discord and Slack payload tests), asked over HTTP, links a CSV holding every row of its table
 * and a download for every file it carries; the JSON itself stays small (files are fetched, not
 * inlined), also for /code agreement with 300 raters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { createWebChat, type RunningWeb } from '../../../src/bot/web/server.js';
import { commands } from '../../../src/commands/index.js';
import { testServices } from '../../helpers/dataset.js';
import { PNG_1X1 } from '../test-commands.js';
import { commandOf, everyCommand, type Answer } from '../every-command.js';

// biome-ignore lint/suspicious/noExplicitAny: assertions walk the JSON the page renders
type Json = Record<string, any>;

describe('bot/web long answers', () => {
  let services: Awaited<ReturnType<typeof testServices>>;
  let answers: Answer[];
  let web: RunningWeb;

  beforeAll(async () => {
    services = await testServices();
    answers = await everyCommand(services, { platform: 'web', olga: 'olga' });
    web = await createWebChat(services, {
      host: '127.0.0.1',
      port: 0,
      commands,
      limiter: null,
      renderPng: async () => PNG_1X1,
    });
  }, 60_000);
  afterAll(async () => {
    await web?.close();
    services?.db.close();
  });

  const ask = async (text: string, user: string) => {
    const res = await fetch(new URL('/api/ask', web.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text, user }),
    });
    const body = await res.text();
    return { size: body.length, json: JSON.parse(body) as Json };
  };

  it('links every row of every table as CSV and every file of every answer, for every command', async () => {
    const covered = new Set(answers.map((a) => commandOf(a.line)));
    expect(commands.map((c) => c.definition.name).filter((n) => !covered.has(n))).toEqual([]);
    for (const { line, user } of answers) {
      const { json, size } = await ask(line, user);
      expect(size, `${line}: the JSON inlines no file`).toBeLessThan(64 * 1024);
      if (json.table?.rows.length) {
        const res = await fetch(new URL(json.csvUrl, web.url));
        expect(res.status).toBe(200);
        expect(res.headers.get('content-disposition')).toContain(`filename="${json.csvName}"`);
        const records = parse(await res.text()) as string[][];
        expect(records[0]).toEqual(json.table.columns);
        expect(records.length - 1, line).toBe(json.tableRows);
        expect(json.tableRows).toBeGreaterThanOrEqual(json.table.rows.length);
      }
      for (const f of json.files as { name: string; url: string; bytes: number; contentType: string }[]) {
        const res = await fetch(new URL(f.url, web.url));
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe(f.contentType);
        expect(res.headers.get('content-disposition')).toContain(`filename="${f.name}"`);
        expect((await res.arrayBuffer()).byteLength).toBe(f.bytes);
      }
    }
  });

  it('/code export offers its CSV; /code agreement with 300 raters lists 25 pairs and links all 44,850', async () => {
    const exp = await ask('/code export r1', 'olga');
    expect(exp.json.files.map((f: Json) => f.name)).toEqual(['r1-codes.csv']);
    const csv = await (await fetch(new URL(exp.json.files[0].url, web.url))).text();
    expect(csv.split('\r\n')[0]).toBe('Topic#,Tag,Code,rater,category,subcategory,rater id');
    // A free-text code typed as a formula is neutralised in the download.
    expect(csv).toContain("'=HYPERLINK(1) on topic 0");
    const crowd = await ask('/code agreement crowd', 'olga');
    expect(crowd.json.table.rows).toHaveLength(25);
    expect(crowd.json.tableRows).toBe(44_850);
    expect(crowd.json.csvName).toBe('crowd-pairs.csv');
    expect(crowd.size).toBeLessThan(16 * 1024);
    const missing = await fetch(new URL(`/api/file/${crowd.json.id}/7`, web.url));
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('E_NO_FILE');
  });
});
