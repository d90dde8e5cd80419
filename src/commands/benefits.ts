import { defineCommand } from './types.js';
import { opt } from './options.js';
import { tableOneReply } from './challenges.js';

export const benefits = defineCommand({
  definition: {
    name: 'benefits',
    description: 'Benefits of PTM reuse in the HF community (paper Table I)',
    options: { top: opt.integer({ description: 'Show only the N largest categories', min: 1, max: 6 }) },
    examples: ['/benefits', '/benefits top:3'],
  },
  execute(ctx) {
    return tableOneReply(ctx.services.db, 'benefit', ctx.args.top);
  },
});
