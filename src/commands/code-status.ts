import { defineCommand } from './types.js';
import { roundTopics } from '../data/coding/rounds.js';
import { completeTopicCount, raterStatus } from '../data/coding/views.js';
import { msg } from '../messages/index.js';
import { roundOption, roundProvenance } from './code-common.js';
import { inRound, roundOf, roundViewer } from './checks/round.js';
import { displayNames } from '../data/coding/people.js';

/** Counts only: progress never reveals what anyone labelled. */
export const codeStatus = defineCommand({
  definition: {
    name: 'code status',
    description: 'Progress of each rater in a coding round',
    options: { round: roundOption(true) },
    checks: [inRound(), roundViewer],
    examples: ['/code status', '/code status r1'],
  },
  execute(ctx) {
    const db = ctx.services.db;
    const round = roundOf(ctx);
    const rows = raterStatus(db, round.id);
    const total = roundTopics(db, round.id).length;
    const complete = completeTopicCount(db, round.id, rows.length);
    const names = displayNames(
      db,
      rows.map((r) => r.rater),
    );
    return {
      text: msg.coding.status(round.name, round.status, round.purpose, complete, total),
      table: {
        columns: ['rater', 'labelled', 'skipped', 'remaining'],
        rows: rows.map((r) => [names.get(r.rater)!, r.labelled, r.skipped, r.total - r.labelled]),
      },
      data: {
        round: {
          id: round.id,
          name: round.name,
          owner: round.owner,
          status: round.status,
          purpose: round.purpose,
          scheme: round.scheme,
          seed: round.seed,
          stratify: round.stratify,
        },
        total,
        complete,
        raters: rows.map((r) => ({
          rater: names.get(r.rater)!,
          id: r.rater,
          labelled: r.labelled,
          skipped: r.skipped,
          remaining: r.total - r.labelled,
        })),
      },
      provenance: roundProvenance(db, round, total),
    };
  },
});
