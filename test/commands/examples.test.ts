import { beforeAll, describe, expect, it } from 'vitest';
import { runCommandText } from '../../src/commands/run.js';
import { commands } from '../../src/commands/index.js';
import { testServices, testUser } from '../helpers/dataset.js';
import type { Services } from '../../src/commands/types.js';

let services: Services;
const run = (text: string) => runCommandText(text, { user: testUser(), services }, commands);
type Topic = { topic: number; url: string; forumCategory: string; match: string; lowLevelCode: string | null };

beforeAll(async () => {
  services = await testServices();
});

describe('commands/examples', () => {
  it('by code: C8 gives the codebook definition, example topic with quote, and its coded topic', async () => {
    const r = await run('/examples C8');
    expect(r.error).toBeUndefined();
    expect(r.text).toContain('C8 Incomprehensible output: When the users cannot justify or comprehend the output');
    expect(r.text).toContain('T12350 (https://discuss.huggingface.co/t/12350)');
    // Root_Causes.csv codes exactly one topic C8: T36425, in the Models forum category.
    const topics = r.data.topics as Topic[];
    expect(topics).toEqual([
      {
        topic: 36425,
        url: 'https://discuss.huggingface.co/t/36425',
        forumCategory: 'Models',
        match: 'category',
        sources: ['root-causes'],
        lowLevelCode: expect.any(String),
      },
    ]);
    expect(r.provenance).toMatchObject({
      sources: ['Codebook.xlsx [Codebook]', 'Root_Causes.csv', 'All_Codes.csv'],
      window: null,
      n: 1,
    });
    expect(r.text.length).toBeLessThan(1500);
  });

  it('by name, case-insensitive: a subcategory lists its Root_Causes.csv topics first', async () => {
    const r = await run('/examples loading/saving MODELS n:10');
    const theme = r.data.theme as { code: string; subcategory: string };
    expect(theme).toMatchObject({ code: 'C1', subcategory: 'Loading/Saving Models' });
    const topics = r.data.topics as Topic[];
    // Root_Causes.csv spells it "Model Loading/Saving" (T29470) and "Saving/Loading Models" (T11202, T10193).
    expect(
      topics
        .filter((t) => t.match === 'subcategory')
        .map((t) => t.topic)
        .sort((a, b) => a - b),
    ).toEqual([10193, 11202, 29470]);
    expect(topics.slice(0, 3).every((t) => t.match === 'subcategory')).toBe(true);
    expect(r.data.total).toBe(12); // all 12 C1 topics of Root_Causes.csv
    expect(topics).toHaveLength(10);
    expect(r.text).toContain('3 topics in this subcategory');
  });

  it('by unique prefix, and by category name', async () => {
    const g = await run('/examples grad');
    expect(g.data.theme).toMatchObject({ code: 'C4', subcategory: 'Gradio' });
    const c = await run('/examples specific solution need');
    expect(c.data.theme).toMatchObject({ code: 'C6', subcategory: null });
    expect((c.data.topics as Topic[]).length).toBe(4);
    const b = await run('/examples b2');
    expect(b.data.theme).toMatchObject({ code: 'B2', category: 'Collaboration to Solve Issues' });
    expect(b.text).toContain('No coded topics');
  });

  it('a long quote is cut at a boundary with an ellipsis; the data keeps it whole', async () => {
    const r = await run('/examples C1');
    const example = r.data.example as { topic: number; quote: string };
    expect(example.topic).toBe(639);
    expect(example.quote.length).toBeGreaterThan(500);
    expect(r.text).toContain('…');
    expect(r.text).not.toContain(example.quote);
  });

  it('ambiguous prefix -> E_UNKNOWN_THEME listing candidates', async () => {
    const r = await run('/examples model');
    expect(r.error?.code).toBe('E_UNKNOWN_THEME');
    expect(r.text).toContain('matches 5 themes');
    expect(r.text).toContain('Model card');
    expect(r.ephemeral).toBe(true);
  });

  it('unknown -> closest suggestions', async () => {
    const r = await run('/examples gradoi');
    expect(r.error?.code).toBe('E_UNKNOWN_THEME');
    expect(r.text).toContain('Did you mean "Gradio"');
    const d = await run('/examples documentaton');
    expect(d.text).toContain('"Lack of Documentation"');
  });

  it('bad options', async () => {
    expect((await run('/examples')).error?.code).toBe('E_MISSING_OPTION');
    expect((await run('/examples C8 n:0')).error?.code).toBe('E_BAD_VALUE');
    expect((await run('/examples C8 n:26')).error?.code).toBe('E_BAD_VALUE');
  });
});
