/** /challenges over:quarter|year: category shares by when the coded topics were created (III-C4). */
import { HfbotError } from '../errors.js';
import { fmtPIs } from '../format/numbers.js';
import { msg } from '../messages/index.js';
import { SOURCES } from '../format/sources.js';
import { roundsOfSources } from '../data/coding/rounds.js';
import { datasetVersion } from '../data/queries/dataset-info.js';
import { codedTopicCount, datedTopicCategories, forumSnapshot } from '../data/queries/forum.js';
import { taxonomy } from '../data/queries/taxonomy.js';
import {
  categoryByPeriod,
  independenceTest,
  type IndependenceTest,
  type PeriodTable,
  type PeriodUnit,
} from '../analysis/over-time.js';
import { overTimeSpec } from '../render/specs/over-time.js';
import type { Db } from '../data/db.js';
import type { Reply } from './types.js';

/** Fixed so the same data gives the same Monte-Carlo p everywhere; said in every answer that uses it. */
export const OVER_TIME_SEED = 'hfbot-iii-c4';
/** R's default B for chisq.test(simulate.p.value = TRUE). */
export const OVER_TIME_REPLICATES = 2000;

/**
 * The test is deterministic for a table (fixed seed) and its Monte-Carlo step is the slow part
 * (2,000 shuffles), so results are kept per table; a few tables cover every question asked.
 */
const tests = new Map<string, IndependenceTest>();
function memoTest(table: PeriodTable): IndependenceTest {
  const key = JSON.stringify([table.periods, table.rows.map((r) => r.counts)]);
  let t = tests.get(key);
  if (!t) {
    t = independenceTest(table, { seed: OVER_TIME_SEED, replicates: OVER_TIME_REPLICATES });
    if (tests.size >= 16) tests.delete(tests.keys().next().value!);
    tests.set(key, t);
  }
  return t;
}

export function overTimeReply(db: Db, unit: PeriodUnit): Reply {
  const coded = codedTopicCount(db, 'challenge');
  const items = datedTopicCategories(db, 'challenge');
  if (!items.length)
    throw new HfbotError('E_NOT_FOUND', msg.taxonomy.noDated(coded), { hint: msg.taxonomy.noDatedHint });
  const table = categoryByPeriod(items, taxonomy(db, 'challenge'), unit);
  const test = memoTest(table);
  const chi = test.chiSquare;
  const rows = table.rows.filter((r) => r.total > 0).sort((a, b) => b.total - a.total);
  const dated = new Set(items.map((x) => x.topicId)).size;
  const months = items.map((x) => x.createdAt.slice(0, 7)).sort();
  const window = { from: months[0]!, to: months.at(-1)! };
  const periodLabel = (p: { period: string; n: number }) => `${p.period} (n = ${p.n})`;
  const forum = forumSnapshot(db).overview;
  const pRead = test.monteCarlo?.p ?? chi?.p ?? null;
  const from = (prefix: string) => items.some((x) => x.sources.split(',').some((s) => s.startsWith(prefix)));
  return {
    text: msg.taxonomy.overTime({
      unit,
      codes: items.length,
      dated,
      coded,
      periods: table.periods.length,
      from: table.periods[0]!.period,
      to: table.periods.at(-1)!.period,
      x2: chi?.statistic ?? null,
      df: chi?.df ?? null,
      p: chi?.p ?? null,
      untestable: test.untestable,
      cochran: chi?.cochran ?? null,
      monteCarlo: test.monteCarlo,
    }),
    table: {
      columns: ['code', 'category', ...table.periods.map((p) => p.period), 'total'],
      rows: rows.map((r) => [r.code, r.category, ...r.counts, r.total]),
    },
    chart: overTimeSpec({
      cells: rows.flatMap((r) =>
        table.periods.map((p, j) => ({
          label: `${r.code} ${r.category}`,
          period: periodLabel(p),
          count: r.counts[j]!,
          share: r.shares[j]!,
        })),
      ),
      rows: rows.map((r) => `${r.code} ${r.category}`),
      periods: table.periods.map(periodLabel),
      title: `Challenge categories by ${unit} of topic creation`,
      subtitle: [
        test.untestable
          ? `${items.length} codes of ${dated} dated topics; no test possible`
          : `${items.length} codes of ${dated} dated topics; chi-square ${fmtPIs(chi!.p)}${test.monteCarlo ? `, Monte-Carlo ${fmtPIs(test.monteCarlo.p)} (expected counts small)` : ''}`,
        'paper III-C4: no discernible trend for any category over time',
      ],
      datasetVersion: `${datasetVersion(db)} + ${forum.version ?? 'mined forum'}`,
      source: 'coded topics dated by the mined forum',
    }),
    data: {
      kind: 'challenges',
      over: unit,
      unit: 'codes (topic x category)',
      codes: items.length,
      datedTopics: dated,
      codedTopics: coded,
      periods: table.periods,
      rows,
      test: chi
        ? {
            name: 'pearson-chi-square-independence',
            statistic: chi.statistic,
            df: chi.df,
            p: chi.p,
            cochran: chi.cochran,
            monteCarlo: test.monteCarlo,
            pRead,
          }
        : { untestable: test.untestable },
      paper: { section: 'III-C4', finding: msg.taxonomy.paperTrendFinding },
    },
    provenance: {
      datasetVersion: `${datasetVersion(db)} + ${forum.version ?? 'mined forum'}`,
      sources: [
        ...(from('root-causes') ? [SOURCES.rootCauses] : []),
        ...(from('round:')
          ? [
              SOURCES.roundsNamed(
                roundsOfSources(db, [...new Set(items.flatMap((x) => x.sources.split(',')))]).map((r) => r.name),
              ),
            ]
          : []),
        'hfbot mine forum: forum_topics.created_at (creation dates)',
      ],
      window,
      n: items.length,
      note: `n = codes (topic x category) of ${dated} of ${coded} coded topics; the rest have no mined creation date yet. The paper compared months over its 737 codes; this uses topic-level categories.`,
    },
  };
}
