import { defineCommand } from './types.js';
import { opt } from './options.js';
import { sampleSize } from '../analysis/sample-size.js';
import { datasetVersion } from '../data/queries/dataset-info.js';
import { msg } from '../messages/index.js';

export const codePlan = defineCommand({
  definition: {
    name: 'code plan',
    description: 'Sample size for a coding round (proportion, finite-population correction)',
    options: {
      population: opt.integer({ description: 'Number of topics to sample from', required: true, min: 1 }),
      confidence: opt.number({ description: 'Confidence level in percent', min: 50, max: 99.99, default: 95 }),
      margin: opt.number({ description: 'Margin of error in percent', min: 0.1, max: 50, default: 5 }),
    },
    examples: ['/code plan population:11175', '/code plan population:11175 confidence:99 margin:3'],
  },
  execute(ctx) {
    const population = ctx.args.population!;
    const confidence = ctx.args.confidence ?? 95;
    const margin = ctx.args.margin ?? 5;
    const r = sampleSize({ population, confidence, margin });
    return {
      text: msg.coding.plan(r.n, population, confidence, margin, r.n0),
      data: { n: r.n, n0: r.n0, z: r.z, population, confidence, margin, proportion: 0.5 },
      provenance: {
        datasetVersion: datasetVersion(ctx.services.db),
        sources: [msg.coding.planSource],
        n: population,
      },
    };
  },
});
