import { defineCommand } from './types.js';
import { opt } from './options.js';
import { HfbotError } from '../errors.js';
import { msg } from '../messages/index.js';
import { SOURCES, topicUrl } from '../format/sources.js';
import { datasetVersion } from '../data/queries/dataset-info.js';
import { codebook, firstCodes, rootCauseSubcategories, taxonomy, topicsOfCode } from '../data/queries/taxonomy.js';
import { resolveTheme, themeLabel, truncateQuote, type Theme } from '../analysis/theme-resolve.js';
import { matchSubcategory } from '../analysis/subcategory-match.js';
import type { Db } from '../data/db.js';
import { roundsOfSources } from '../data/coding/rounds.js';

interface ExampleTopic {
  topic: number;
  url: string;
  forumCategory: string;
  /** 'subcategory' when Root_Causes.csv puts the topic in this very subcategory. */
  match: 'category' | 'subcategory';
  sources: string[];
  lowLevelCode: string | null;
}

function themes(db: Db): Theme[] {
  const subs = codebook(db).filter((c) => c.subcategory !== null);
  return [
    ...taxonomy(db).map((t) => ({ code: t.code, category: t.category, subcategory: null })),
    ...subs.map((c) => ({ code: c.code, category: c.category, subcategory: c.subcategory })),
  ];
}

function resolve(db: Db, input: string): Theme {
  const m = resolveTheme(input, themes(db));
  if (m.kind === 'found') return m.theme;
  if (m.kind === 'ambiguous')
    throw new HfbotError('E_UNKNOWN_THEME', msg.taxonomy.ambiguousTheme(input, m.candidates), {
      hint: msg.taxonomy.ambiguousThemeHint,
      details: { candidates: m.candidates },
    });
  throw new HfbotError('E_UNKNOWN_THEME', msg.taxonomy.unknownTheme(input), {
    hint: msg.taxonomy.unknownThemeHint(m.suggestions),
    details: { suggestions: m.suggestions },
  });
}

function topicsOf(db: Db, theme: Theme): ExampleTopic[] {
  const out = new Map<number, ExampleTopic>();
  if (theme.subcategory) {
    const subs = codebook(db)
      .filter((c) => c.code === theme.code && c.subcategory)
      .map((c) => c.subcategory!);
    for (const r of rootCauseSubcategories(db, theme.code)) {
      if (matchSubcategory(r.subcategoryRaw, subs) !== theme.subcategory || out.has(r.topicId)) continue;
      out.set(r.topicId, {
        topic: r.topicId,
        url: topicUrl(r.topicId),
        forumCategory: r.forumCategory,
        match: 'subcategory',
        sources: ['root-causes'],
        lowLevelCode: null,
      });
    }
  }
  for (const t of topicsOfCode(db, theme.code)) {
    const known = out.get(t.topicId);
    const sources = t.sources.split(',');
    if (known) known.sources = [...new Set([...known.sources, ...sources])];
    else
      out.set(t.topicId, {
        topic: t.topicId,
        url: topicUrl(t.topicId),
        forumCategory: t.forumCategory,
        match: 'category',
        sources,
        lowLevelCode: null,
      });
  }
  const list = [...out.values()];
  const codes = firstCodes(
    db,
    list.map((t) => t.topic),
  );
  for (const t of list) t.lowLevelCode = codes.get(t.topic) ?? null;
  return list;
}

export const examples = defineCommand({
  definition: {
    name: 'examples',
    description: 'Definition, codebook example and coded topics of a challenge or benefit theme',
    options: {
      theme: opt.theme({
        description: 'A category code (C8, B2), a category or subcategory name, or a unique prefix',
        required: true,
        positional: true,
      }),
      n: opt.integer({ description: 'How many coded topics to list', min: 1, max: 25, default: 5 }),
    },
    examples: ['/examples C8', '/examples fine-tuning', '/examples Gradio n:3'],
  },
  execute(ctx) {
    const db = ctx.services.db;
    const theme = resolve(db, ctx.args.theme ?? '');
    const entries = codebook(db).filter((c) => c.code === theme.code);
    const own = entries.find((c) => c.subcategory === theme.subcategory) ?? entries[0];
    const definition =
      theme.subcategory === null && entries.some((e) => e.subcategory)
        ? `${entries.length} subcategories: ${entries.map((e) => e.subcategory).join(', ')}.`
        : (own?.definition ?? '');
    const topics = topicsOf(db, theme);
    const n = ctx.args.n ?? 5;
    const shown = topics.slice(0, n);
    const quote = own?.exampleQuote ? truncateQuote(own.exampleQuote) : null;
    const lines = shown.map(
      (t) =>
        `T${t.topic} (${t.forumCategory}) ${t.url}${t.lowLevelCode ? ` - ${truncateQuote(t.lowLevelCode, 90)}` : ''}`,
    );
    const rounds = roundsOfSources(db, [...new Set(topics.flatMap((t) => t.sources))]).map((r) => r.name);
    return {
      text: [
        msg.taxonomy.examples({
          label: themeLabel(theme),
          definition,
          exampleTopic: own?.exampleTopic ?? null,
          quote,
          topics: topics.length,
          inSubcategory: theme.subcategory ? topics.filter((t) => t.match === 'subcategory').length : null,
          shown: shown.length,
        }),
        ...lines,
      ].join('\n'),
      table: {
        columns: ['topic', 'forum category', 'match', 'low-level code', 'link'],
        rows: shown.map((t) => [t.topic, t.forumCategory, t.match, t.lowLevelCode, t.url]),
      },
      data: {
        theme: { ...theme, label: themeLabel(theme) },
        definition,
        definitions: entries.map((e) => ({ subcategory: e.subcategory, definition: e.definition })),
        example: own?.exampleTopic
          ? {
              topic: own.exampleTopic,
              url: topicUrl(own.exampleTopic),
              quote: own.exampleQuote,
              subcategory: own.subcategory,
            }
          : null,
        total: topics.length,
        topics: shown,
      },
      provenance: {
        datasetVersion: datasetVersion(db),
        sources: [
          SOURCES.codebook,
          SOURCES.rootCauses,
          SOURCES.codes,
          ...(rounds.length ? [SOURCES.roundsNamed(rounds)] : []),
        ],
        window: null,
        n: topics.length,
      },
      chart: null,
    };
  },
});
