/** /code close and /code reopen: one state change, declared twice (not a command itself). */
import { setStatus } from '../data/coding/rounds.js';
import { HfbotError } from '../errors.js';
import { msg } from '../messages/index.js';
import { inRound, roundManager, roundOf } from './checks/round.js';
import { roundProvenance } from './code-common.js';
import { defineCommand, type CommandDefinition, type OptionSpec } from './types.js';

export function setStatusCommand(
  def: Omit<CommandDefinition<{ round: OptionSpec }>, 'checks'>,
  to: 'open' | 'closed',
  action: string,
  done: (round: string) => string,
) {
  return defineCommand({
    definition: { ...def, checks: [inRound(), roundManager(action)] },
    execute(ctx) {
      const db = ctx.services.db;
      const r = roundOf(ctx);
      if (r.status === to) throw new HfbotError('E_CONFLICT', msg.coding.alreadyStatus(r.name, to));
      setStatus(db, r.id, to);
      return { text: done(r.name), data: { round: r.name, status: to }, provenance: roundProvenance(db, r, null) };
    },
  });
}
