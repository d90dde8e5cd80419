import { defineCommand } from './types.js';
import { assertManager, findRound, setStatus } from '../data/coding/rounds.js';
import { HfbotError } from '../errors.js';
import { msg } from '../messages/index.js';
import { opt } from './options.js';
import { roundProvenance } from './code-common.js';

export const codeReopen = defineCommand({
  definition: {
    name: 'code reopen',
    description: 'Reopen a closed coding round',
    options: { round: opt.string({ description: 'Round name or id', required: true, positional: true, max: 60 }) },
    examples: ['/code reopen r1'],
  },
  execute(ctx) {
    const db = ctx.services.db;
    const round = findRound(db, ctx.args.round, ctx.user.id);
    assertManager(round, ctx.user.id, ctx.services.config.HFBOT_ADMINS, 'reopen');
    if (round.status === 'open') throw new HfbotError('E_CONFLICT', msg.coding.alreadyStatus(round.name, 'open'));
    setStatus(db, round.id, 'open');
    return {
      text: msg.coding.reopened(round.name),
      data: { round: round.name, status: 'open' },
      provenance: roundProvenance(db, round, null),
    };
  },
});
