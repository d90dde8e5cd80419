/**
 * Study vs practice (issue 11 item 4): a practice round and a one-rater round change no study
 * answer, whatever their raters agree on; a study round with two raters does, only with agreed or
 * resolved labels, and every answer built on it names the round in its provenance.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runCommandText } from '../../src/commands/run.js';
import { commands } from '../../src/commands/index.js';
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

/** The study's answers that topic categories feed, as a person sees them. */
const ANSWERS = [
  '/challenges level:beginner',
  '/challenges level:intermediate',
  '/challenges',
  '/examples C17',
  '/examples C6',
];
async function answers(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const a of ANSWERS) {
    const r = await run(a, 'reader');
    out[a] = JSON.stringify({ text: r.text, table: r.table, data: r.data, provenance: r.provenance, chart: r.chart });
  }
  return out;
}

/** Every topic of `round` labelled `code` by each of `raters`. */
async function labelAll(round: string, raters: string[], code: string) {
  for (const topic of topicsOf(round))
    for (const u of raters) expect((await run(`/code label ${topic} ${code} round:${round}`, u)).error).toBeUndefined();
}

beforeAll(async () => {
  services = await testServices();
});

describe('commands/code study vs practice', () => {
  it('is practice by default, and says what that means', async () => {
    const r = await run('/code start name:trial size:3 raters:ann,ben', 'olga');
    expect(r.data.round).toMatchObject({ purpose: 'practice', feedsCategories: false });
    expect(r.text).toContain("A practice round: its labels never change the study's answers.");
    expect(r.provenance?.sources[0]).toContain('"trial" (practice)');
  });

  it('a practice round with full agreement and a one-rater study round change no study answer', async () => {
    const before = await answers();
    const rows = () =>
      services.db.prepare("SELECT count(*) AS n FROM topic_categories WHERE source LIKE 'round:%'").get();
    await run('/code start name:prac size:40 raters:ann,ben seed:p stratify:forum-category purpose:practice', 'olga');
    await labelAll('prac', ['ann', 'ben'], 'C17');
    const one = await run(
      '/code start name:solo size:40 raters:sol seed:s stratify:forum-category purpose:study',
      'olga',
    );
    expect(one.text).toContain('A study round with one rater');
    await labelAll('solo', ['sol'], 'C17');
    // Resolutions in a practice round count nowhere either.
    const [first] = topicsOf('prac');
    expect((await run(`/code resolve ${first} C6 round:prac`, 'ann')).error).toBeUndefined();
    expect(rows()).toEqual({ n: 0 });
    expect(await answers()).toEqual(before);
  });

  it('a two-rater study round feeds agreed topics only, and the answers name it', async () => {
    const before = await answers();
    await run('/code start name:real size:40 raters:ann,ben seed:r stratify:forum-category purpose:study', 'olga');
    const ts = topicsOf('real');
    const beginners = (
      services.db
        .prepare(
          "SELECT topic_id FROM round_topics t JOIN rounds r ON r.id = t.round_id WHERE r.name = 'real' AND forum_category = 'Beginners'",
        )
        .all() as { topic_id: number }[]
    ).map((r) => r.topic_id);
    expect(beginners.length).toBeGreaterThan(1);
    // ann says C17 everywhere; ben agrees on the Beginners topics only, so only those count.
    for (const topic of ts) {
      await run(`/code label ${topic} C17 round:real`, 'ann');
      await run(`/code label ${topic} ${beginners.includes(topic) ? 'C17' : 'C6'} round:real`, 'ben');
    }
    const c17 = services.db
      .prepare(
        "SELECT topic_id FROM topic_categories WHERE source = (SELECT 'round:' || id FROM rounds WHERE name = 'real') ORDER BY topic_id",
      )
      .all() as { topic_id: number }[];
    expect(c17.map((r) => r.topic_id)).toEqual([...beginners].sort((a, b) => a - b));
    const after = await run('/challenges level:beginner', 'reader');
    const was = JSON.parse(before['/challenges level:beginner']!) as { data: { n: number } };
    expect(after.data.n).toBeGreaterThan(was.data.n);
    expect(after.provenance?.sources).toContain('hfbot study rounds "real" (labels all raters agreed on or resolved)');
    expect(after.data.rounds).toEqual(['real']);
    const ex = await run('/examples C17', 'reader');
    expect(ex.provenance?.sources.at(-1)).toBe('hfbot study rounds "real" (labels all raters agreed on or resolved)');
    // Turning it into practice takes its rows back out; turning it back restores them.
    expect((await run('/code purpose real practice', 'olga')).text).toContain('no longer count');
    expect(await answers()).toEqual(before);
    expect((await run('/code purpose real study', 'olga')).text).toContain(
      `${beginners.length} agreed or resolved topics`,
    );
    expect((await run('/challenges level:beginner', 'reader')).data.n).toBe(after.data.n);
  });
});
