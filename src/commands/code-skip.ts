import { defineCommand } from './types.js';
import { opt } from './options.js';
import { nextTopic, recordSkip } from '../data/coding/labels.js';
import { msg } from '../messages/index.js';
import { nowIso, roundOption, roundProvenance } from './code-common.js';
import { inRound, roundOf, roundRater } from './checks/round.js';
import { callerRef } from './checks/roles.js';
import { nextButton } from './code-common.js';

export const codeSkip = defineCommand({
  definition: {
    name: 'code skip',
    description: 'Skip a topic for now; it comes back after the others',
    options: {
      topic: opt.integer({ description: 'Topic id', required: true, positional: true, min: 1 }),
      round: roundOption(),
    },
    examples: ['/code skip 639'],
    checks: [inRound('topic-or-latest'), roundRater],
  },
  execute(ctx) {
    const db = ctx.services.db;
    const topic = ctx.args.topic!;
    const round = roundOf(ctx);
    recordSkip(db, round.id, topic, callerRef(ctx), nowIso(ctx));
    return {
      text: msg.coding.skipped(topic),
      data: { round: round.name, topic: topic, skipped: true },
      provenance: roundProvenance(db, round, null),
      ephemeral: true,
      actions: nextTopic(db, round.id, callerRef(ctx)) ? [nextButton(round)] : [],
    };
  },
});
