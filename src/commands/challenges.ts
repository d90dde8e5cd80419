import { defineCommand, type Reply } from './types.js';
import { opt } from './options.js';
import { msg } from '../messages/index.js';
import { SOURCES } from '../format/sources.js';
import { datasetVersion } from '../data/queries/dataset-info.js';
import { publishedCounts, type Kind } from '../data/queries/taxonomy.js';
import { tableOneShares } from '../analysis/table-one.js';
import { compareReply, levelReply } from './level-replies.js';
import { overTimeReply } from './challenges-over.js';
import { HfbotError } from '../errors.js';
import { sharesSpec } from '../render/specs/taxonomy-shares.js';
import type { Db } from '../data/db.js';
import { chartName, given, named } from './chart-name.js';

/** Table I as published: shares of all codes of one kind. Shared by /challenges and /benefits. */
export function tableOneReply(db: Db, kind: Kind, top: number | undefined): Reply {
  const version = datasetVersion(db);
  const { total, rows } = tableOneShares(publishedCounts(db, kind), top);
  const of = publishedCounts(db, kind).length;
  const label = kind === 'challenge' ? 'challenges' : 'benefits';
  let text = msg.taxonomy.tableOne({ kind: label, total, shown: rows.length, of, top: rows });
  if (kind === 'benefit' && rows.some((r) => r.paperPercent !== null && r.paperPercent !== r.percent))
    text += `\n${msg.taxonomy.benefitsRounding}`;
  return {
    text,
    table: {
      columns: ['code', 'category', 'count', 'percent', 'paper %'],
      rows: rows.map((r) => [r.code, r.category, r.count, r.percent, r.paperPercent]),
    },
    data: {
      kind: label,
      level: 'all',
      total,
      rows: rows.map(({ code, category, count, percent, paperPercent }) => ({
        code,
        category,
        count,
        percent,
        paperPercent,
      })),
    },
    provenance: {
      datasetVersion: version,
      sources: [SOURCES.tableOne],
      window: null,
      n: total,
      note: `Shares of ${total} ${kind} codes (paper Table I).`,
    },
    chartName: chartName(label, [given('top', top)], `share of ${total} ${kind} codes per category (Table I)`),
    chart: sharesSpec({
      bars: rows.map((r) => ({ label: `${r.code} ${r.category}`, percent: r.percent })),
      title: `${kind === 'challenge' ? 'Challenges' : 'Benefits'} of PTM reuse (paper Table I, ${total} codes)`,
      xTitle: 'share of codes (%)',
      datasetVersion: version,
      source: SOURCES.tableOne,
    }),
  };
}

export const levelOption = () =>
  opt.choice({
    description:
      'all = Table I; beginner/intermediate = topics of that forum category; compare = both side by side with Fisher tests (Fig. 2)',
    choices: ['all', 'beginner', 'intermediate', 'compare'] as const,
    default: 'all',
    positional: true,
  });

export function byLevel(
  db: Db,
  kind: Kind,
  level: 'all' | 'beginner' | 'intermediate' | 'compare',
  top?: number,
): Reply {
  if (level === 'all') return tableOneReply(db, kind, top);
  const reply = level === 'compare' ? compareReply(db, kind, top) : levelReply(db, kind, level, top);
  return named(
    reply,
    chartName(
      kind === 'challenge' ? 'challenges' : 'benefits',
      [given('level', level), given('top', top)],
      level === 'compare'
        ? 'beginner vs intermediate shares per category (Fig. 2)'
        : `share of ${level} topics per category, with 95% Wilson intervals`,
    ),
  );
}

export const challenges = defineCommand({
  definition: {
    name: 'challenges',
    description: 'Challenges of PTM reuse (paper Table I), by Beginners/Intermediate topics, or over time (over:year)',
    options: {
      level: levelOption(),
      top: opt.integer({ description: 'Show only the N largest categories', min: 1, max: 17 }),
      over: opt.choice({
        description:
          'Category shares by quarter or year of topic creation (mined dates), with a chi-square test (III-C4)',
        choices: ['quarter', 'year'] as const,
      }),
    },
    examples: [
      '/challenges',
      '/challenges top:5',
      '/challenges level:beginner',
      '/challenges level:compare',
      '/challenges over:year',
    ],
  },
  execute(ctx) {
    const level = ctx.args.level ?? 'all';
    if (ctx.args.over) {
      if (level !== 'all') throw new HfbotError('E_USAGE', msg.taxonomy.levelWithOver, { details: { option: 'over' } });
      return named(
        overTimeReply(ctx.services.db, ctx.args.over),
        chartName('challenges', [given('over', ctx.args.over)], 'category shares per period of topic creation'),
      );
    }
    return byLevel(ctx.services.db, 'challenge', level, ctx.args.top);
  },
});
