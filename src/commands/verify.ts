import { defineCommand, type Check, type Reply } from './types.js';
import type { Db } from '../data/db.js';
import { callerRef, teamMember } from './checks/roles.js';
import { opt } from './options.js';
import { HfbotError } from '../errors.js';
import { msg } from '../messages/index.js';
import { decideMatch, parseMatchRef, pendingMatches } from '../data/derive/verify.js';
import { deriveSeries, MINED } from '../data/derive/series.js';
import { seriesSource } from '../data/queries/series.js';
import { readModelTypes } from '../data/miners/hub/model-types.js';

const PAGE = 5;

const deciders = teamMember('accept or reject mined matches');
const decidersOnly: Check = {
  name: 'verify decision by a team member',
  run(ctx) {
    if ((ctx.args.action ?? 'list') !== 'list') return deciders.run(ctx);
  },
};

/** The mined version after a decision: the forum counts change, so the series are recomputed. */
function restamp(db: Parameters<typeof deriveSeries>[0], now: () => Date): string | null {
  return seriesSource(db, MINED) ? deriveSeries(db, readModelTypes(), now).version : null;
}

/** One page of matches waiting for a decision, with accept/reject buttons. */
function pendingReply(db: Db, match: string | undefined): Reply {
  const { items, total } = pendingMatches(db, PAGE, match?.toLowerCase());
  const provenance = {
    datasetVersion: seriesSource(db, MINED)?.datasetVersion ?? 'mined',
    sources: [msg.mining.verifySource],
    n: total,
  };
  if (!items.length)
    return { text: msg.mining.verifyEmpty(match), data: { total: 0, items: [] }, provenance, ephemeral: true };
  return {
    text: [
      msg.mining.verifyList(items.length, total),
      ...items.map((i) => msg.mining.verifyItem(i.topicId, i.modelType, i.sentence)),
    ].join('\n'),
    table: {
      columns: ['match', 'topic title', 'sentence'],
      rows: items.map((i) => [`${i.topicId}:${i.modelType}`, i.title, i.sentence]),
    },
    data: { total, items },
    provenance,
    ephemeral: true,
    actions: items.flatMap((i) => [
      {
        type: 'button' as const,
        id: `verify-accept:${i.topicId}:${i.modelType}`,
        label: `✓ T${i.topicId} ${i.modelType}`,
        command: `/verify accept ${i.topicId}:${i.modelType}`,
        style: 'primary' as const,
      },
      {
        type: 'button' as const,
        id: `verify-reject:${i.topicId}:${i.modelType}`,
        label: `✗ T${i.topicId} ${i.modelType}`,
        command: `/verify reject ${i.topicId}:${i.modelType}`,
        style: 'danger' as const,
      },
    ]),
  };
}

export const verify = defineCommand({
  definition: {
    name: 'verify',
    description: 'Check mined matches of model names that are also ordinary words (opt, clip, sam...)',
    options: {
      action: opt.choice({
        description: 'list, accept or reject',
        choices: ['list', 'accept', 'reject'] as const,
        default: 'list',
        positional: true,
      }),
      match: opt.string({
        description: 'The match to decide, as topic:type (639:opt); for list, a model type to filter on',
        positional: true,
      }),
    },
    examples: ['/verify', '/verify list opt', '/verify accept 639:opt', '/verify reject 640:clip'],
    // Anyone may list; a decision changes the mined series, so only the team (HFBOT_TEAM) and admins decide.
    checks: [decidersOnly],
  },
  execute(ctx) {
    const { db, now } = ctx.services;
    const action = ctx.args.action ?? 'list';
    const match = ctx.args.match;
    if (action === 'list') return pendingReply(db, match);
    if (!match)
      throw new HfbotError('E_MISSING_OPTION', msg.mining.verifyNeedsMatch(action), {
        hint: msg.mining.badMatchRefHint,
        details: { option: 'match' },
      });
    const ref = parseMatchRef(match);
    const decision = action === 'accept' ? 'accepted' : 'rejected';
    const { previous } = decideMatch(db, ref, decision, callerRef(ctx), now().toISOString());
    const version = restamp(db, now);
    // The list of what is still pending comes along, so a button's message can be replaced by it.
    const rest = pendingReply(db, undefined);
    return {
      ...rest,
      text: `${msg.mining.decided(ref.topicId, ref.modelType, decision, previous)}\n${rest.text}`,
      data: { ...ref, decision, previous, datasetVersion: version, pending: rest.data },
      provenance: { datasetVersion: version ?? 'mined', sources: [msg.mining.verifySource], n: 1 },
    };
  },
});
