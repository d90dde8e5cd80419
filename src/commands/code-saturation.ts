import { chartName } from './chart-name.js';
import { defineCommand } from './types.js';
import { opt } from './options.js';
import { roundTopics } from '../data/coding/rounds.js';
import { visibleLabels } from '../data/coding/views.js';
import { saturated, saturationBatches } from '../analysis/saturation.js';
import { saturationSpec } from '../render/specs/saturation.js';
import { datasetVersion } from '../data/queries/dataset-info.js';
import { msg } from '../messages/index.js';
import { roundOption, roundProvenance } from './code-common.js';
import { inRound, roundOf, roundViewer } from './checks/round.js';
import { callerRef } from './checks/roles.js';

/** Counts of new codes only; the codes themselves stay private until revealed (see /code export). */
export const codeSaturation = defineCommand({
  definition: {
    name: 'code saturation',
    description: 'New free-text codes per batch of topics, to see when coding saturates',
    options: {
      round: roundOption(true),
      batch: opt.integer({ description: 'Topics per batch (coding order)', min: 1, max: 1000, default: 10 }),
      k: opt.integer({
        description: 'Saturated when the last k batches bring no new code',
        min: 1,
        max: 50,
        default: 2,
      }),
    },
    examples: ['/code saturation', '/code saturation r1 batch:8 k:3'],
    checks: [inRound(), roundViewer],
  },
  execute(ctx) {
    const db = ctx.services.db;
    const round = roundOf(ctx);
    const batch = ctx.args.batch ?? 10;
    const k = ctx.args.k ?? 2;
    // Blind coding: only revealed topics and the caller's own labels count, so another rater's
    // hidden free-text code can never be confirmed by relabelling and watching the count.
    const visible = visibleLabels(db, round, callerRef(ctx));
    const codes = new Map<number, string[]>();
    for (const l of visible) if (l.free_code) codes.set(l.topic_id, [...(codes.get(l.topic_id) ?? []), l.free_code]);
    // Topics count in coding order once a visible label is on them.
    const labelled = new Set(visible.map((l) => l.topic_id));
    const topics = roundTopics(db, round.id)
      .filter((t) => labelled.has(t.topic_id))
      .map((t) => ({ position: t.position, codes: codes.get(t.topic_id) ?? [] }));
    const batches = saturationBatches(topics, batch);
    const total = batches.at(-1)?.cumulative ?? 0;
    const sat = saturated(batches, k);
    const data = { round: round.name, batchSize: batch, k, batches, codes: total, saturated: sat };
    const provenance = roundProvenance(db, round, topics.length);
    if (!total) return { text: msg.coding.noFreeCodes(round.name), data, provenance };
    return {
      text: msg.coding.saturation(round.name, batches.length, batch, total, sat, k),
      table: {
        columns: ['batch', 'positions', 'new codes', 'distinct so far'],
        rows: batches.map((b) => [b.batch, `${b.fromPosition}-${b.toPosition}`, b.newCodes, b.cumulative]),
      },
      chartName: chartName('code saturation', [round.name], `new low-level codes per batch of ${batch} topics`),
      chart: saturationSpec({
        batches,
        title: `Round ${round.name}: new low-level codes per batch of ${batch} topics`,
        datasetVersion: datasetVersion(db),
        source: msg.coding.source(round.name),
      }),
      data,
      provenance,
    };
  },
});
