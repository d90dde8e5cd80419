import { defineCommand } from './types.js';
import { opt } from './options.js';
import { roundTopic } from '../data/coding/rounds.js';
import { recordResolution } from '../data/coding/labels.js';
import { revealedTopics } from '../data/coding/views.js';
import { resolveCategory } from '../data/coding/scheme.js';
import { HfbotError } from '../errors.js';
import { msg } from '../messages/index.js';
import { nowIso, roundOption, roundProvenance } from './code-common.js';
import { inRound, roundOf, roundParticipant } from './checks/round.js';
import { callerRef } from './checks/roles.js';

export const codeResolve = defineCommand({
  definition: {
    name: 'code resolve',
    description: 'Record the negotiated label of a topic (it becomes the topic-level category)',
    options: {
      topic: opt.integer({ description: 'Topic id', required: true, positional: true, min: 1 }),
      category: opt.string({
        description: 'Agreed category code or name',
        required: true,
        positional: true,
        rest: true,
        max: 100,
      }),
      round: roundOption(),
    },
    examples: ['/code resolve 639 C2'],
    checks: [inRound('topic'), roundParticipant],
  },
  execute(ctx) {
    const db = ctx.services.db;
    const topic = ctx.args.topic!;
    const round = roundOf(ctx);
    const cat = resolveCategory(db, round.scheme, ctx.args.category!);
    // Negotiating before every rater has labelled would break blind coding.
    if (!revealedTopics(db, round).has(topic) && roundTopic(db, round.id, topic))
      throw new HfbotError('E_CONFLICT', msg.coding.notRevealed(topic, round.name), {
        hint: msg.coding.notRevealedHint,
      });
    recordResolution(db, { roundId: round.id, topic, code: cat.code, by: callerRef(ctx), at: nowIso(ctx) });
    return {
      text: msg.coding.resolved(topic, cat.code, cat.category),
      data: { round: round.name, topic, code: cat.code },
      provenance: roundProvenance(db, round, 1),
    };
  },
});
