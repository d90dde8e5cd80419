import { defineCommand } from './types.js';
import { opt } from './options.js';
import { msg } from '../messages/index.js';
import { SOURCES } from '../format/sources.js';
import { datasetVersion } from '../data/queries/dataset-info.js';
import { codebook, publishedCounts } from '../data/queries/taxonomy.js';
import { truncateQuote } from '../analysis/theme-resolve.js';

export const taxonomyCommand = defineCommand({
  definition: {
    name: 'taxonomy',
    description: 'Categories and subcategories of challenges or benefits, with codebook definitions',
    options: {
      kind: opt.choice({
        description: 'Which half of Table I',
        choices: ['challenges', 'benefits'] as const,
        default: 'challenges',
        positional: true,
      }),
    },
    examples: ['/taxonomy', '/taxonomy benefits'],
  },
  execute(ctx) {
    const db = ctx.services.db;
    const kind = ctx.args.kind ?? 'challenges';
    const k = kind === 'challenges' ? 'challenge' : 'benefit';
    const entries = codebook(db, k);
    const categories = publishedCounts(db, k).map((c) => {
      const own = entries.filter((e) => e.code === c.code);
      const subs = own.filter((e) => e.subcategory !== null);
      return {
        code: c.code,
        category: c.category,
        publishedCount: c.count,
        definition: own.find((e) => e.subcategory === null)?.definition ?? null,
        subcategories: subs.map((e) => ({
          name: e.subcategory!,
          definition: e.definition,
          exampleTopic: e.exampleTopic,
        })),
      };
    });
    // One short line per category keeps the 17 challenge lines inside a chat message.
    const lines = categories.map((c) =>
      truncateQuote(
        `${c.code} ${c.category}: ${c.subcategories.length ? c.subcategories.map((s) => s.name).join(', ') : (c.definition ?? '')}`,
        110,
      ),
    );
    const subcategories = categories.reduce((s, c) => s + c.subcategories.length, 0);
    return {
      text: msg.taxonomy.taxonomy({
        kind,
        categories: categories.length,
        subcategories,
        leaves: subcategories + categories.filter((c) => !c.subcategories.length).length,
        lines,
      }),
      table: {
        columns: ['code', 'category', 'subcategory', 'definition'],
        rows: categories.flatMap((c) =>
          c.subcategories.length
            ? c.subcategories.map((s) => [c.code, c.category, s.name, s.definition])
            : [[c.code, c.category, null, c.definition]],
        ),
      },
      data: { kind, subcategories, categories },
      provenance: {
        datasetVersion: datasetVersion(db),
        sources: [SOURCES.codebook, SOURCES.tableOne],
        window: null,
        n: categories.length,
      },
      chart: null,
    };
  },
});
