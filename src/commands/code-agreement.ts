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
    const after = {
      percent: a.percent,
      cohen: a.cohen.map(({ a: x, b, kappa }) => ({ a: x, b, kappa })),
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
      cohen: r.cohen.map(({ a, b, kappa }) => ({ a, b, kappa })),
      pairTopics: r.cohen.map(({ a, b, n }) => ({ a, b, n })),
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
      datasetVersion: datasetVersion(db),
      source: msg.coding.source(round.name),
    });
    return {
      text: msg.coding.agreement(round.name, r, { percent: a.percent, kappa: a.kappa.value }, before.hidden),
      table: {
        columns: ['rater A', 'rater B', "Cohen's kappa", 'topics'],
        rows: r.cohen.map((c) => [c.a, c.b, c.kappa === null ? null : Number(c.kappa.toFixed(3)), c.n]),
      },
      chart,
      data,
      provenance,
    };
  },
});
