import { defineCommand, type Reply } from './types.js';
import { opt } from './options.js';
import { HfbotError } from '../errors.js';
import { msg } from '../messages/index.js';
import { SOURCES } from '../format/sources.js';
import { datasetVersion } from '../data/queries/dataset-info.js';
import { levelCounts, publishedCounts, type Kind, type Level } from '../data/queries/taxonomy.js';
import { levelShares, tableOneShares } from '../analysis/table-one.js';
import { sharesSpec } from '../render/specs/taxonomy-shares.js';
import type { Db } from '../data/db.js';
import { chartName, given } from './chart-name.js';

const FORUM: Record<Level, string> = { beginner: 'Beginners', intermediate: 'Intermediate' };

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

function levelReply(db: Db, level: Level, top: number | undefined): Reply {
  const version = datasetVersion(db);
  const { n, rows: counts, sources } = levelCounts(db, level);
  if (n === 0)
    throw new HfbotError('E_NOT_FOUND', msg.taxonomy.noLevelTopics(level, FORUM[level]), {
      hint: msg.taxonomy.noLevelTopicsHint,
    });
  const rows = levelShares(counts, n, top);
  const sourceNames = sources.map((s) => (s === 'root-causes' ? SOURCES.rootCauses : `coding ${s}`));
  return {
    text: msg.taxonomy.level({ level, forum: FORUM[level], n, shown: rows.length, top: rows, sources: sourceNames }),
    table: {
      columns: ['code', 'category', 'topics', 'percent of topics', '95% CI low', '95% CI high'],
      rows: rows.map((r) => [r.code, r.category, r.count, r.percent, r.lower, r.upper]),
    },
    data: { kind: 'challenges', level, n, unit: 'topics', confidence: 0.95, interval: 'wilson', total: n, rows },
    provenance: {
      datasetVersion: version,
      sources: [
        sources.includes('root-causes') ? SOURCES.rootCauses : '',
        ...(sources.some((s) => s.startsWith('round:')) ? [SOURCES.rounds] : []),
      ].filter(Boolean),
      window: null,
      n,
      note: `Shares of ${n} ${FORUM[level]} topics, not of the paper's 737 codes.`,
    },
    chartName: chartName(
      'challenges',
      [given('level', level), given('top', top)],
      `share of ${n} ${level} topics per challenge, with 95% Wilson intervals`,
    ),
    chart: sharesSpec({
      bars: rows.map((r) => ({ label: `${r.code} ${r.category}`, percent: r.percent, lower: r.lower, upper: r.upper })),
      title: `Challenges of ${level} topics (n = ${n} topics)`,
      subtitle: "share of topics with 95% Wilson interval; not the paper's Table I",
      xTitle: 'share of topics (%)',
      datasetVersion: version,
      source: sourceNames.join(', '),
    }),
  };
}

export const challenges = defineCommand({
  definition: {
    name: 'challenges',
    description: 'Challenges of PTM reuse (paper Table I), or their shares among Beginners/Intermediate topics',
    options: {
      level: opt.choice({
        description: 'all = Table I; beginner/intermediate = topics of that forum category',
        choices: ['all', 'beginner', 'intermediate'] as const,
        default: 'all',
        positional: true,
      }),
      top: opt.integer({ description: 'Show only the N largest categories', min: 1, max: 17 }),
    },
    examples: ['/challenges', '/challenges top:5', '/challenges level:beginner'],
  },
  execute(ctx) {
    const level = ctx.args.level ?? 'all';
    return level === 'all'
      ? tableOneReply(ctx.services.db, 'challenge', ctx.args.top)
      : levelReply(ctx.services.db, level, ctx.args.top);
  },
});
