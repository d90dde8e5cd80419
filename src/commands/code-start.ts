import { defineCommand } from './types.js';
import { opt } from './options.js';
import { createRound } from '../data/coding/rounds.js';
import { HfbotError } from '../errors.js';
import { msg } from '../messages/index.js';
import { nowIso, roundProvenance } from './code-common.js';

const NAME = /^[A-Za-z0-9][\w.-]*$/;

export const codeStart = defineCommand({
  definition: {
    name: 'code start',
    description: 'Start a coding round: a seeded random sample of topics for the given raters',
    options: {
      name: opt.string({ description: 'Round name (letters, digits, - _ .)', required: true, max: 60 }),
      size: opt.integer({ description: 'Number of topics to draw', required: true, min: 1, max: 100000 }),
      raters: opt.users({ description: 'Who codes, e.g. alice,bob', required: true, min: 1 }),
      scheme: opt.choice({
        description: 'Which Table I categories to code',
        choices: ['challenges', 'benefits', 'both'] as const,
        default: 'challenges',
      }),
      seed: opt.string({ description: 'Random seed (default: the round name)', max: 100 }),
      stratify: opt.choice({ description: 'Stratify the draw', choices: ['forum-category'] as const }),
    },
    examples: [
      '/code start name:r1 size:30 raters:alice,bob',
      '/code start name:pilot size:56 raters:alice,bob,carol scheme:both seed:42 stratify:forum-category',
    ],
  },
  execute(ctx) {
    const a = {
      ...ctx.args,
      name: ctx.args.name!,
      size: ctx.args.size!,
      raters: ctx.args.raters!,
      scheme: ctx.args.scheme ?? 'challenges',
    };
    if (!NAME.test(a.name))
      throw new HfbotError(
        'E_BAD_VALUE',
        msg.core.badValue('code start', 'name', a.name, msg.coding.roundNameExpected),
      );
    const raters = [...new Set(a.raters)];
    const seed = a.seed ?? a.name;
    const { round, topics } = createRound(ctx.services.db, {
      name: a.name,
      owner: ctx.user.id,
      raters,
      size: a.size,
      scheme: a.scheme,
      seed,
      stratify: a.stratify ?? null,
      at: nowIso(ctx),
    });
    return {
      text: msg.coding.started(round.name, topics, raters, round.scheme, seed, round.stratify !== null),
      data: {
        round: {
          id: round.id,
          name: round.name,
          owner: round.owner,
          scheme: round.scheme,
          seed,
          stratify: round.stratify,
          size: topics,
          raters,
        },
      },
      provenance: roundProvenance(ctx.services.db, round, topics),
    };
  },
});
