/**
 * Roles from the configuration, compared as namespaced references (src/identity.ts):
 * HFBOT_ADMINS manage every round and decide /verify; HFBOT_TEAM members decide /verify too.
 */
import { HfbotError } from '../../errors.js';
import { userRef } from '../../identity.js';
import { msg } from '../../messages/index.js';
import type { Check, CommandContext } from '../types.js';

export const callerRef = (ctx: CommandContext): string => userRef(ctx.user);

export function isAdmin(ctx: CommandContext): boolean {
  return ctx.services.config.HFBOT_ADMINS.includes(callerRef(ctx));
}

export function isTeamMember(ctx: CommandContext): boolean {
  return isAdmin(ctx) || ctx.services.config.HFBOT_TEAM.includes(callerRef(ctx));
}

/** Admins and HFBOT_TEAM: the people who may change the study's data (e.g. /verify decisions). */
export function teamMember(action: string): Check {
  return {
    name: `team member (${action})`,
    run(ctx) {
      if (!isTeamMember(ctx))
        throw new HfbotError('E_FORBIDDEN', msg.coding.notTeam(action, callerRef(ctx)), {
          hint: msg.coding.notTeamHint(callerRef(ctx)),
        });
    },
  };
}
