import { defineCommand } from './types.js';
import { opt } from './options.js';
import { byLevel, levelOption } from './challenges.js';

export const benefits = defineCommand({
  definition: {
    name: 'benefits',
    description: 'Benefits of PTM reuse in the HF community (paper Table I), or by Beginners/Intermediate topics',
    options: {
      level: levelOption(),
      top: opt.integer({ description: 'Show only the N largest categories', min: 1, max: 6 }),
    },
    examples: ['/benefits', '/benefits top:3', '/benefits level:compare'],
  },
  execute(ctx) {
    return byLevel(ctx.services.db, 'benefit', ctx.args.level ?? 'all', ctx.args.top);
  },
});
