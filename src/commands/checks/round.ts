/**
 * Declared checks of coding rounds. `inRound()` resolves the round a command acts on, once, into
 * ctx.state.round; the role checks after it refuse with a specific E_FORBIDDEN. Execute reads
 * the round with roundOf(ctx):
 *
 *   definition: { ..., checks: [inRound(), roundManager('close')] },
 *   execute(ctx) { const r = roundOf(ctx); ... }
 */
import { findRound, isRater, type Round } from '../../data/coding/rounds.js';
import { HfbotError } from '../../errors.js';
import { msg } from '../../messages/index.js';
import type { Check, CommandContext } from '../types.js';

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
  const user = ctx.user.id;
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

export function isAdmin(ctx: CommandContext): boolean {
  return ctx.services.config.HFBOT_ADMINS.includes(ctx.user.id);
}

export function isManager(ctx: CommandContext, r: Round): boolean {
  return r.owner === ctx.user.id || isAdmin(ctx);
}

/** The round's owner or an admin: `action` names what they may do ("close") in the refusal. */
export function roundManager(action: string): Check {
  return {
    name: `round manager (${action})`,
    run(ctx) {
      const r = roundOf(ctx);
      if (!isManager(ctx, r)) throw new HfbotError('E_FORBIDDEN', msg.coding.notOwner(action, r.name, r.owner));
    },
  };
}

/** Raters, the owner and admins: the people at the negotiation meeting. */
export const roundParticipant: Check = {
  name: 'round participant',
  run(ctx) {
    const r = roundOf(ctx);
    if (!isManager(ctx, r) && !isRater(ctx.services.db, r.id, ctx.user.id))
      throw new HfbotError('E_FORBIDDEN', msg.coding.notParticipant(r.name));
  },
};
