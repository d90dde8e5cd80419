import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { runCommandText } from '../../src/commands/run.js';
import { commands } from '../../src/commands/index.js';
import { testServices, testUser } from '../helpers/dataset.js';
import type { Services } from '../../src/commands/types.js';

let services: Services;
const run = (text: string, user: string) => runCommandText(text, { user: testUser(user), services }, commands);

beforeAll(async () => {
  services = await testServices();
});

describe('commands/code-export', () => {
  it('neutralises formula-leading rater names and free-text codes (OWASP CSV injection), keeping topic ids numeric', async () => {
    // Rater names and codes are whatever users type; both raters are hostile here.
    expect((await run('/code start name:inj size:1 raters:=1+1,-mallory seed:1', 'olga')).error).toBeUndefined();
    const topic = (
      services.db
        .prepare("SELECT topic_id FROM round_topics t JOIN rounds r ON r.id = t.round_id WHERE r.name = 'inj'")
        .get() as { topic_id: number }
    ).topic_id;
    const label = await run(`/code label ${topic} C2 code:"@SUM(A1:A9)+HYPERLINK(x)" round:inj`, '=1+1');
    expect(label.error).toBeUndefined();
    expect((await run(`/code label ${topic} C2 code:"-2+3" round:inj`, '-mallory')).error).toBeUndefined();

    const file = (await run('/code export inj', 'olga')).files?.[0];
    expect(file?.contentType).toMatch(/^text\/csv/);
    const csv = String(file?.content);
    // Raw bytes: each hostile cell starts with the single quote, the topic id is a bare number.
    expect(csv).toContain(`\r\n${topic},`);
    expect(csv).toContain(",'@SUM(A1:A9)+HYPERLINK(x),'=1+1,C2,");
    expect(csv).toContain(",'-2+3,'-mallory,C2,");
    // And as a spreadsheet would split it: no cell starts with = + - @.
    const cells = (parse(csv) as string[][]).flat();
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
  });
});
