import { defineCommand } from './types.js';
import { msg } from '../messages/index.js';
import { SOURCES } from '../format/sources.js';
import { datasetVersion } from '../data/queries/dataset-info.js';
import { rootCauses } from '../data/queries/taxonomy.js';
import { classifyRootCause, ROOT_CAUSE_RULES, tableTwo } from '../analysis/root-cause-rules.js';
import { rootCausesSpec } from '../render/specs/root-causes.js';
import { chartName } from './chart-name.js';

export const rootcauses = defineCommand({
  definition: {
    name: 'rootcauses',
    description: 'Root causes of reuse challenges: paper Table II beside a rule-based recount of Root_Causes.csv',
    options: {},
    examples: ['/rootcauses'],
  },
  execute(ctx) {
    const db = ctx.services.db;
    const version = datasetVersion(db);
    const records = rootCauses(db);
    const assignments = records.map((r) => {
      const m = classifyRootCause(r.rootCause);
      return { topic: r.topicId, rootCause: r.rootCause, category: m.category, rule: m.rule };
    });
    const rows = tableTwo(assignments.map((a) => a.category));
    const diffs = rows.filter((r) => r.difference !== 0);
    return {
      text: msg.taxonomy.rootCauses({ total: records.length, matched: rows.length - diffs.length, diffs }),
      table: {
        columns: ['group', 'category', 'published', 'published %', 'recomputed', 'recomputed %', 'difference'],
        rows: rows.map((r) => [
          r.group,
          r.category,
          r.published,
          r.publishedPercent,
          r.recomputed,
          r.recomputedPercent,
          r.difference,
        ]),
      },
      data: {
        total: records.length,
        publishedTotal: rows.reduce((s, r) => s + r.published, 0),
        rows,
        assignments,
        rules: ROOT_CAUSE_RULES.map((r) => ({ id: r.id, category: r.category, pattern: r.pattern.source, why: r.why })),
      },
      provenance: {
        datasetVersion: version,
        sources: [SOURCES.rootCauses, msg.taxonomy.tableTwoSource],
        window: null,
        n: records.length,
      },
      chartName: chartName('rootcauses', [], 'Table II root causes, published vs recounted by rule'),
      chart: rootCausesSpec({
        rows,
        title: `Root causes: Table II vs recount (${records.length} causes)`,
        datasetVersion: version,
        source: SOURCES.rootCauses,
      }),
    };
  },
});
