/**
 * Declared checks of coding rounds. `inRound()` resolves the round a command acts on, once, into
 * ctx.state.round; the role checks after it refuse with a specific E_FORBIDDEN. Execute reads
 * the round with roundOf(ctx):
 *
 *   definition: { ..., checks: [inRound(), roundManager('close')] },
 *   execute(ctx) { const r = roundOf(ctx); ... }
 */
import { findRound, isRater, type Round } from '../../data/coding/rounds.js';
import { displayName } from '../../data/coding/people.js';
import { HfbotError } from '../../errors.js';
import { msg } from '../../messages/index.js';
import type { Check, CommandContext } from '../types.js';
import { callerRef, isAdmin, isTeamMember } from './roles.js';

export { isAdmin, isTeamMember } from './roles.js';

/**
 * How a command names its round: `args.round` (a name or id) when given; otherwise
 * - 'latest': the caller's most recent open round;
 * - 'topic': the caller's most recent open round that holds `args.topic`;
 * - 'topic-or-latest': that, or else the caller's most recent open round.
 */
export type RoundLookup = 'latest' | 'topic' | 'topic-or-latest';

function lookUp(ctx: CommandContext, how: RoundLookup): Round {
  const { db } = ctx.services;
  const ref = ctx.args.round as string | undefined;
  const user = callerRef(ctx);
  const topic = ctx.args.topic as number | undefined;
  if (ref !== undefined || how === 'latest' || topic === undefined) return findRound(db, ref, user);
  if (how === 'topic') return findRound(db, undefined, user, { topic });
  try {
    return findRound(db, undefined, user, { topic });
  } catch {
    return findRound(db, undefined, user);
  }
}

/** Resolves the round (E_NOT_FOUND with the known rounds when it does not exist). */
export function inRound(how: RoundLookup = 'latest'): Check {
  return {
    name: `round (${how})`,
    run(ctx) {
      ctx.state.round ??= lookUp(ctx, how);
    },
  };
}

/** The round an `inRound()` check resolved; a command that reads it must declare that check. */
export function roundOf(ctx: CommandContext<unknown>): Round {
  const r = (ctx as CommandContext).state.round;
  if (!r) throw new HfbotError('E_INTERNAL', 'roundOf(ctx) without an inRound() check declared before it.');
  return r;
}

export function isManager(ctx: CommandContext, r: Round): boolean {
  return r.owner === callerRef(ctx) || isAdmin(ctx);
}

const rater = (ctx: CommandContext, r: Round) => isRater(ctx.services.db, r.id, callerRef(ctx));
const ownerName = (ctx: CommandContext, r: Round) => displayName(ctx.services.db, r.owner);

/** The round's owner or an admin: `action` names what they may do ("close") in the refusal. */
export function roundManager(action: string): Check {
  return {
    name: `round manager (${action})`,
    run(ctx) {
      const r = roundOf(ctx);
      if (!isManager(ctx, r))
        throw new HfbotError('E_FORBIDDEN', msg.coding.notOwner(action, r.name, ownerName(ctx, r)));
    },
  };
}

/** Raters, the owner and admins: the people at the negotiation meeting. */
export const roundParticipant: Check = {
  name: 'round participant',
  run(ctx) {
    const r = roundOf(ctx);
    if (!isManager(ctx, r) && !rater(ctx, r)) throw new HfbotError('E_FORBIDDEN', msg.coding.notParticipant(r.name));
  },
};

/** Only a rater labels, skips or asks for the next topic: each for themselves. */
export const roundRater: Check = {
  name: 'round rater',
  run(ctx) {
    const r = roundOf(ctx);
    if (!rater(ctx, r))
      throw new HfbotError('E_FORBIDDEN', msg.coding.notRater(r.name), {
        hint: msg.coding.notRaterHint(ownerName(ctx, r)),
      });
  },
};

/** Who may look at a round's progress and statistics: its participants and the team. */
export const roundViewer: Check = {
  name: 'round viewer',
  run(ctx) {
    const r = roundOf(ctx);
    if (!isManager(ctx, r) && !rater(ctx, r) && !isTeamMember(ctx))
      throw new HfbotError('E_FORBIDDEN', msg.coding.notViewer(r.name));
  },
};

/**
 * Exporting a round: before it is closed only its owner or an admin (the file is the round's
 * record, and a rater's export would be a side channel to compare notes); once closed, every viewer.
 */
export const roundExporter: Check = {
  name: 'round exporter',
  run(ctx) {
    const r = roundOf(ctx);
    if (r.status === 'open') {
      if (!isManager(ctx, r))
        throw new HfbotError('E_FORBIDDEN', msg.coding.exportBeforeClose(r.name, ownerName(ctx, r)));
      return;
    }
    roundViewer.run(ctx);
  },
};
