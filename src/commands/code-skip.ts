import { defineCommand } from './types.js';
import { opt } from './options.js';
import { recordSkip } from '../data/coding/labels.js';
import { msg } from '../messages/index.js';
import { nowIso, roundOption, roundProvenance } from './code-common.js';
import { inRound, roundOf } from './checks/round.js';

export const codeSkip = defineCommand({
  definition: {
    name: 'code skip',
    description: 'Skip a topic for now; it comes back after the others',
    options: {
      topic: opt.integer({ description: 'Topic id', required: true, positional: true, min: 1 }),
      round: roundOption(),
    },
    examples: ['/code skip 639'],
    checks: [inRound('topic-or-latest')],
  },
  execute(ctx) {
    const db = ctx.services.db;
    const topic = ctx.args.topic!;
    const round = roundOf(ctx);
    recordSkip(db, round.id, topic, ctx.user.id, nowIso(ctx));
    return {
      text: msg.coding.skipped(topic),
      data: { round: round.name, topic: topic, skipped: true },
      provenance: roundProvenance(db, round, null),
      ephemeral: true,
      actions: [
        {
          type: 'button',
          id: `code-next:${round.id}`,
          label: msg.coding.nextLabel,
          command: `/code next ${round.name}`,
          style: 'primary',
        },
      ],
    };
  },
});
