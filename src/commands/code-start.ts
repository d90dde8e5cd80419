import { defineCommand } from './types.js';
import { opt } from './options.js';
import { createRound } from '../data/coding/rounds.js';
import { rememberPeople } from '../data/coding/people.js';
import { HfbotError } from '../errors.js';
import { msg } from '../messages/index.js';
import { nowIso, roundProvenance } from './code-common.js';
import { resolveRaters } from './checks/raters.js';
import { callerRef } from './checks/roles.js';

const NAME = /^[A-Za-z0-9][\w.-]*$/;

/**
 * Practice by default: starting a round to try the bot, or to train new raters, must never change
 * the study's answers; a round that counts says so (purpose:study).
 */
export const DEFAULT_PURPOSE = 'practice';

const rater = (n: number) => opt.user({ description: `Rater ${n} (pick a member; more people go in raters)` });

export const codeStart = defineCommand({
  definition: {
    name: 'code start',
    description: 'Start a coding round: a seeded random sample of topics for the given raters',
    options: {
      name: opt.string({ description: 'Round name (letters, digits, - _ .)', required: true, max: 60 }),
      size: opt.integer({ description: 'Number of topics to draw', required: true, min: 1, max: 100000 }),
      raters: opt.users({
        description: 'Who codes: @mentions or names, separated by commas (@alice, @bob)',
        positional: true,
        rest: true,
      }),
      rater1: rater(1),
      rater2: rater(2),
      rater3: rater(3),
      purpose: opt.choice({
        description: 'study (2+ raters) feeds topic categories; practice, the default, never changes study answers',
        choices: ['practice', 'study'] as const,
        default: DEFAULT_PURPOSE,
      }),
      scheme: opt.choice({
        description: 'Which Table I categories to code',
        choices: ['challenges', 'benefits', 'both'] as const,
        default: 'challenges',
      }),
      seed: opt.string({ description: 'Random seed (default: the round name)', max: 100 }),
      stratify: opt.choice({ description: 'Stratify the draw', choices: ['forum-category'] as const }),
    },
    examples: [
      '/code start name:pilot size:30 raters:@alice,@bob',
      '/code start name:r1 size:56 raters:@alice,@bob,@carol purpose:study scheme:both seed:42 stratify:forum-category',
    ],
    checks: [resolveRaters],
  },
  execute(ctx) {
    const a = {
      ...ctx.args,
      name: ctx.args.name!,
      size: ctx.args.size!,
      scheme: ctx.args.scheme ?? 'challenges',
      purpose: ctx.args.purpose ?? DEFAULT_PURPOSE,
    };
    if (!NAME.test(a.name))
      throw new HfbotError(
        'E_BAD_VALUE',
        msg.core.badValue('code start', 'name', a.name, msg.coding.roundNameExpected),
      );
    const raters = ctx.state.raters!;
    const seed = a.seed ?? a.name;
    const db = ctx.services.db;
    const owner = callerRef(ctx);
    const { round, topics } = createRound(db, {
      name: a.name,
      owner,
      raters: raters.map((r) => r.ref),
      size: a.size,
      scheme: a.scheme,
      seed,
      stratify: a.stratify ?? null,
      purpose: a.purpose,
      at: nowIso(ctx),
    });
    rememberPeople(db, [...raters, ...(ctx.state.owner ? [ctx.state.owner] : [])], nowIso(ctx));
    const names = raters.map((r) => r.name);
    return {
      text: msg.coding.started({
        name: round.name,
        topics,
        raters: names,
        scheme: round.scheme,
        seed,
        stratified: round.stratify !== null,
        purpose: round.purpose,
      }),
      data: {
        round: {
          id: round.id,
          name: round.name,
          owner: round.owner,
          purpose: round.purpose,
          scheme: round.scheme,
          seed,
          stratify: round.stratify,
          size: topics,
          raters: names,
          raterIds: raters.map((r) => r.ref),
          feedsCategories: round.purpose === 'study' && raters.length >= 2,
        },
      },
      provenance: roundProvenance(db, round, topics),
    };
  },
});
