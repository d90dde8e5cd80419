import { defineCommand } from './types.js';
import { ratingData } from '../data/coding/views.js';
import { agreementReport, confusionCells } from '../analysis/agreement/report.js';
import { confusionMatrixSpec } from '../render/specs/confusion-matrix.js';
import { datasetVersion } from '../data/queries/dataset-info.js';
import { msg } from '../messages/index.js';
import { roundOption, roundProvenance } from './code-common.js';
import { inRound, roundOf, roundViewer } from './checks/round.js';
import { displayNames } from '../data/coding/people.js';
import { taxonomy } from '../data/queries/taxonomy.js';
import { chartName } from './chart-name.js';
import { summarisePairs } from '../analysis/agreement/pairs.js';
import { csvAttachment } from '../csv.js';

/** Rater pairs listed in an answer; more are summarised and attached (issue 14 item 6). */
export const MAX_LISTED_PAIRS = 25;
const PAIR_COLUMNS = ['rater A', 'rater B', "Cohen's kappa", 'topics'];
const kappa3 = (k: number | null) => (k === null ? null : Number(k.toFixed(3)));

export const codeAgreement = defineCommand({
  definition: {
    name: 'code agreement',
    description: "Inter-rater agreement of a round: percent, Cohen's/Fleiss' kappa, Krippendorff's alpha, 95% CI",
    options: { round: roundOption(true) },
    checks: [inRound(), roundViewer],
    examples: ['/code agreement', '/code agreement r1'],
  },
  execute(ctx) {
    const db = ctx.services.db;
    const round = roundOf(ctx);
    // Only topics every rater has labelled (or all, once closed): blind coding holds here too.
    // Statistics are computed over display names (tables and charts read them); ids go in data.
    const ids = ratingData(db, round).raters;
    const names = displayNames(db, ids);
    const named = <T extends { raters: string[] }>(d: T): T => ({ ...d, raters: d.raters.map((r) => names.get(r)!) });
    const before = named(ratingData(db, round));
    const afterData = named(ratingData(db, round, { resolved: true }));
    const r = agreementReport(before.units, before.raters, `${round.seed}:agreement`);
    const a = agreementReport(afterData.units, afterData.raters, `${round.seed}:agreement`, 0);
    const pairs = summarisePairs(r.cohen, MAX_LISTED_PAIRS);
    const afterPairs = summarisePairs(a.cohen, MAX_LISTED_PAIRS);
    const after = {
      percent: a.percent,
      cohen: afterPairs.listed.map(({ a: x, b, kappa }) => ({ a: x, b, kappa })),
      pairs: { total: afterPairs.total, kappa: afterPairs.kappa },
      fleiss: a.fleiss,
      alpha: a.alpha,
      kappa: a.kappa.value,
    };
    const data = {
      round: round.name,
      status: round.status,
      raters: before.raters,
      raterIds: ids,
      n: r.n,
      hidden: before.hidden,
      percent: r.percent,
      // At most MAX_LISTED_PAIRS pairs (the lowest kappas when there are more); every pair is in the CSV.
      cohen: pairs.listed.map(({ a, b, kappa }) => ({ a, b, kappa })),
      pairTopics: pairs.listed.map(({ a, b, n }) => ({ a, b, n })),
      pairs: {
        total: pairs.total,
        listed: pairs.listed.length,
        kappa: pairs.kappa,
        undefinedKappa: pairs.undefinedKappa,
      },
      fleiss: r.fleiss,
      alpha: r.alpha,
      perCategory: r.perCategory,
      kappa: r.kappa,
      ci: r.ci,
      reading: r.reading,
      after,
    };
    const provenance = roundProvenance(
      db,
      round,
      r.n,
      'Bootstrap: 1000 resamples of topics, percentile interval, seeded from the round seed.',
    );
    if (r.n === 0) return { text: msg.coding.noData(round.name), data, provenance };
    const cells = confusionCells(before.units, before.raters.length);
    const used = new Set(cells.flatMap((c) => [c.x, c.y]));
    const two = before.raters.length === 2;
    const chart = confusionMatrixSpec({
      cells,
      categories: taxonomy(db)
        .map((t) => t.code)
        .filter((c) => used.has(c)),
      xTitle: two ? `${before.raters[0]}'s category` : 'category (one rater)',
      yTitle: two ? `${before.raters[1]}'s category` : 'category (another rater, same topic)',
      title: `Round ${round.name}: label agreement (${r.n} topics)`,
      subtitle: msg.coding.heatmapSubtitle(two),
      datasetVersion: datasetVersion(db),
      source: msg.coding.source(round.name),
    });
    const rowOf = (c: (typeof r.cohen)[number]) => [c.a, c.b, kappa3(c.kappa), c.n];
    const capped = pairs.total > pairs.listed.length;
    const file = `${round.name}-pairs.csv`;
    const text = msg.coding.agreement(round.name, r, { percent: a.percent, kappa: a.kappa.value }, before.hidden);
    return {
      text: capped ? `${text}\n${msg.coding.pairsSummary(pairs, file)}` : text,
      table: {
        columns: PAIR_COLUMNS,
        rows: pairs.listed.map(rowOf),
        ...(capped ? { complete: { file, rows: pairs.total } } : {}),
      },
      ...(capped ? { files: [csvAttachment(file, { columns: PAIR_COLUMNS, rows: r.cohen.map(rowOf) })] } : {}),
      chart,
      chartName: chartName('code agreement', [round.name], `label agreement heatmap (${r.n} topics)`),
      data,
      provenance,
    };
  },
});
