import { defineCommand } from './types.js';
import { assertManager, findRound, setStatus } from '../data/coding/rounds.js';
import { HfbotError } from '../errors.js';
import { msg } from '../messages/index.js';
import { roundOption, roundProvenance } from './code-common.js';

export const codeClose = defineCommand({
  definition: {
    name: 'code close',
    description: 'Close a coding round: labels become final and visible',
    options: { round: roundOption(true) },
    examples: ['/code close r1'],
  },
  execute(ctx) {
    const db = ctx.services.db;
    const round = findRound(db, ctx.args.round, ctx.user.id);
    assertManager(round, ctx.user.id, ctx.services.config.HFBOT_ADMINS, 'close');
    if (round.status === 'closed') throw new HfbotError('E_CONFLICT', msg.coding.alreadyStatus(round.name, 'closed'));
    setStatus(db, round.id, 'closed');
    return {
      text: msg.coding.closed(round.name),
      data: { round: round.name, status: 'closed' },
      provenance: roundProvenance(db, round, null),
    };
  },
});
