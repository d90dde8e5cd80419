import { beforeAll, describe, expect, it } from 'vitest';
import { runCommandText } from '../../src/commands/run.js';
import { commands } from '../../src/commands/index.js';
import { testServices, testUser } from '../helpers/dataset.js';
import type { Services } from '../../src/commands/types.js';

let services: Services;
const run = (text: string) => runCommandText(text, { user: testUser(), services }, commands);
type Category = {
  code: string;
  category: string;
  publishedCount: number;
  definition: string | null;
  subcategories: { name: string; definition: string }[];
};

beforeAll(async () => {
  services = await testServices();
});

describe('commands/taxonomy', () => {
  it("challenges: 17 categories in Table I order; 40 subcategories + 7 leaf categories = the paper's 47", async () => {
    const r = await run('/taxonomy');
    expect(r.error).toBeUndefined();
    const cats = r.data.categories as Category[];
    expect(cats.map((c) => c.code)).toEqual(Array.from({ length: 17 }, (_, i) => `C${i + 1}`));
    expect(r.data.subcategories).toBe(40);
    expect(cats.filter((c) => !c.subcategories.length).map((c) => c.code)).toEqual([
      'C6',
      'C8',
      'C13',
      'C14',
      'C15',
      'C16',
      'C17',
    ]);
    expect(r.text).toContain("as the paper's 47 does");
    expect(cats[1]!.subcategories.map((s) => s.name)).toEqual([
      'Training',
      'Fine-Tuning',
      'Tokenization',
      'Pretraining',
    ]);
    expect(cats[7]!.definition).toMatch(/^When the users cannot justify or comprehend/);
    expect(r.table!.rows).toHaveLength(47);
    expect(r.text.length).toBeLessThan(2000); // Discord's message limit
    expect(r.provenance).toMatchObject({
      sources: ['Codebook.xlsx [Codebook]', 'Codebook.xlsx [Overview] (Table I counts)'],
      n: 17,
      window: null,
    });
  });

  it('benefits: 6 categories, 21 subcategories', async () => {
    const r = await run('/taxonomy kind:benefits');
    const cats = r.data.categories as Category[];
    expect(cats.map((c) => c.code)).toEqual(['B1', 'B2', 'B3', 'B4', 'B5', 'B6']);
    expect(cats[0]!.publishedCount).toBe(262);
    expect(r.data.subcategories).toBe(21);
  });

  it('rejects other kinds with a suggestion', async () => {
    const r = await run('/taxonomy kind:benefit');
    expect(r.error?.code).toBe('E_BAD_VALUE');
    expect(r.text).toContain('"benefits"');
  });
});
