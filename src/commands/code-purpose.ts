import { defineCommand } from './types.js';
import { opt } from './options.js';
import { raters, setPurpose } from '../data/coding/rounds.js';
import { HfbotError } from '../errors.js';
import { msg } from '../messages/index.js';
import { roundProvenance } from './code-common.js';
import { inRound, roundManager, roundOf } from './checks/round.js';

/** A round started with the wrong purpose is corrected here; its topic categories follow at once. */
export const codePurpose = defineCommand({
  definition: {
    name: 'code purpose',
    description: 'Make a round a study round (it feeds topic categories) or a practice round (it never does)',
    options: {
      round: opt.string({ description: 'Round name or id', required: true, positional: true, max: 60 }),
      purpose: opt.choice({
        description: 'study or practice',
        choices: ['study', 'practice'] as const,
        required: true,
        positional: true,
      }),
    },
    examples: ['/code purpose r1 study', '/code purpose training practice'],
    checks: [inRound(), roundManager('change the purpose of')],
  },
  execute(ctx) {
    const db = ctx.services.db;
    const r = roundOf(ctx);
    const to = ctx.args.purpose!;
    if (r.purpose === to) throw new HfbotError('E_CONFLICT', msg.coding.alreadyPurpose(r.name, to));
    setPurpose(db, r.id, to);
    const n = (
      db.prepare('SELECT count(*) AS n FROM topic_categories WHERE source = ?').get(`round:${r.id}`) as { n: number }
    ).n;
    const updated = { ...r, purpose: to };
    return {
      text: msg.coding.purposeChanged(r.name, to, n, raters(db, r.id).length),
      data: { round: r.name, purpose: to, topicCategories: n },
      provenance: roundProvenance(db, updated, n),
    };
  },
});
