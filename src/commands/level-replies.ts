/** /challenges and /benefits by expertise level: one level's shares, or both compared (Fig. 2). */
import { HfbotError } from '../errors.js';
import { pCell } from '../format/numbers.js';
import { msg } from '../messages/index.js';
import { SOURCES } from '../format/sources.js';
import { datasetVersion } from '../data/queries/dataset-info.js';
import { levelCounts, type Kind, type Level } from '../data/queries/taxonomy.js';
import { levelShares } from '../analysis/table-one.js';
import { compareLevels } from '../analysis/level-compare.js';
import { sharesSpec } from '../render/specs/taxonomy-shares.js';
import { levelCompareSpec } from '../render/specs/level-compare.js';
import type { Db } from '../data/db.js';
import { roundsOfSources } from '../data/coding/rounds.js';
import type { Provenance, Reply } from './types.js';

export const FORUM: Record<Level, string> = { beginner: 'Beginners', intermediate: 'Intermediate' };
const word = (kind: Kind) => (kind === 'challenge' ? 'challenges' : 'benefits');

function requireLevel(db: Db, level: Level, kind: Kind) {
  const counts = levelCounts(db, level, kind);
  if (counts.n === 0)
    throw new HfbotError('E_NOT_FOUND', msg.taxonomy.noLevelTopics(level, FORUM[level], word(kind)), {
      hint: kind === 'challenge' ? msg.taxonomy.noLevelTopicsHint : msg.taxonomy.noLevelBenefitsHint,
    });
  return counts;
}

/** Root_Causes.csv and the study rounds (by name) whose labels the counts include. */
function sourceNames(db: Db, sources: readonly string[]): string[] {
  const rounds = roundsOfSources(db, sources).map((r) => r.name);
  return [
    ...(sources.includes('root-causes') ? [SOURCES.rootCauses] : []),
    ...(rounds.length ? [SOURCES.roundsNamed(rounds)] : []),
  ];
}

function provenanceOf(db: Db, sources: readonly string[], n: number, note: string): Provenance {
  return {
    datasetVersion: datasetVersion(db),
    sources: sourceNames(db, sources),
    window: null,
    n,
    note,
  };
}

export function levelReply(db: Db, kind: Kind, level: Level, top: number | undefined): Reply {
  const { n, rows: counts, sources } = requireLevel(db, level, kind);
  const rows = levelShares(counts, n, top);
  const names = sourceNames(db, sources);
  const provenance = provenanceOf(db, sources, n, `Shares of ${n} ${FORUM[level]} topics, not of the paper's codes.`);
  return {
    text: msg.taxonomy.level({
      kind: word(kind),
      level,
      forum: FORUM[level],
      n,
      shown: rows.length,
      top: rows,
      sources: names,
    }),
    table: {
      columns: ['code', 'category', 'topics', 'percent of topics', '95% CI low', '95% CI high'],
      rows: rows.map((r) => [r.code, r.category, r.count, r.percent, r.lower, r.upper]),
    },
    data: {
      kind: word(kind),
      level,
      n,
      unit: 'topics',
      confidence: 0.95,
      interval: 'wilson',
      total: n,
      rows,
      rounds: roundsOfSources(db, sources).map((r) => r.name),
    },
    provenance,
    chart: sharesSpec({
      bars: rows.map((r) => ({ label: `${r.code} ${r.category}`, percent: r.percent, lower: r.lower, upper: r.upper })),
      title: `${kind === 'challenge' ? 'Challenges' : 'Benefits'} of ${level} topics (n = ${n} topics)`,
      subtitle: "share of topics with 95% Wilson interval; not the paper's Table I",
      xTitle: 'share of topics (%)',
      datasetVersion: provenance.datasetVersion,
      source: names.join(', '),
    }),
  };
}

export function compareReply(db: Db, kind: Kind, top: number | undefined): Reply {
  const b = requireLevel(db, 'beginner', kind);
  const i = requireLevel(db, 'intermediate', kind);
  const cmp = compareLevels(b.rows, i.rows, { beginner: b.n, intermediate: i.n });
  const rows = top ? cmp.rows.slice(0, top) : cmp.rows;
  const sources = [...new Set([...b.sources, ...i.sources])].sort();
  const names = sourceNames(db, sources);
  const significant = cmp.rows.filter((r) => r.q !== null && r.q < 0.05).length;
  const provenance = provenanceOf(
    db,
    sources,
    b.n + i.n,
    `n = ${b.n} Beginners + ${i.n} Intermediate topics; Fisher exact per category, BH over ${cmp.tested} categories; shares of topics, not of the paper's codes.`,
  );
  const labels = ['beginner', 'intermediate'] as const;
  const cap = kind === 'challenge' ? 'Challenges' : 'Benefits';
  return {
    text: msg.taxonomy.compare({
      kind: word(kind),
      n: cmp.n,
      sources: names,
      tested: cmp.tested,
      significant,
      minAttainableP: cmp.minAttainableP,
      top: rows,
    }),
    table: {
      columns: [
        'code',
        'category',
        'beginner topics',
        'beginner %',
        'beginner 95% CI low',
        'beginner 95% CI high',
        'intermediate topics',
        'intermediate %',
        'intermediate 95% CI low',
        'intermediate 95% CI high',
        'Fisher p',
        'BH q',
      ],
      rows: rows.map((r) => [
        r.code,
        r.category,
        ...labels.flatMap((l) => [r[l].count, r[l].percent, r[l].lower, r[l].upper]),
        r.p === null ? null : pCell(r.p),
        r.q === null ? null : pCell(r.q),
      ]),
    },
    data: {
      kind: word(kind),
      level: 'compare',
      n: cmp.n,
      unit: 'topics',
      confidence: 0.95,
      interval: 'wilson',
      test: 'fisher-exact-two-sided',
      adjustment: 'benjamini-hochberg',
      tested: cmp.tested,
      significant,
      minAttainableP: cmp.minAttainableP,
      rows,
    },
    provenance,
    chart: levelCompareSpec({
      bars: rows.flatMap((r) =>
        labels.map((l) => ({ label: `${r.code} ${r.category}`, level: `${l} (n = ${cmp.n[l]})`, ...r[l] })),
      ),
      order: rows.map((r) => `${r.code} ${r.category}`),
      levels: [`beginner (n = ${cmp.n.beginner})`, `intermediate (n = ${cmp.n.intermediate})`],
      title: `${cap} of Beginners vs Intermediate topics`,
      subtitle: [`share of topics per level; Fisher exact per category, BH q < 0.05: ${significant} of ${cmp.tested}`],
      datasetVersion: provenance.datasetVersion,
      source: names.join(', '),
    }),
  };
}
