import { defineCommand } from './types.js';
import { datasetInfo } from '../data/queries/dataset-info.js';
import { msg } from '../messages/index.js';

export const dataset = defineCommand({
  definition: {
    name: 'dataset',
    description: 'Where the data comes from: sources, row counts, version, build time',
    options: {},
    examples: ['/dataset'],
  },
  execute(ctx) {
    const info = datasetInfo(ctx.services.db);
    return {
      text: msg.dataset.summary(info),
      table: {
        columns: ['file', 'rows', 'sha256'],
        rows: info.files.map((f) => [f.name, f.rows, f.sha256.slice(0, 12)]),
      },
      data: { ...info },
      provenance: {
        datasetVersion: info.version,
        sources: info.files.map((f) => f.name),
        n: info.tables.topics ?? null,
      },
    };
  },
});
