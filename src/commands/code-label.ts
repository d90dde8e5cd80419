import { defineCommand, type ReplyAction } from './types.js';
import { opt } from './options.js';
import { nextTopic, recordLabel } from '../data/coding/labels.js';
import { feedsCategories } from '../data/coding/consensus.js';
import { resolveCategory, resolveSubcategory, subcategoriesOf } from '../data/coding/scheme.js';
import { msg } from '../messages/index.js';
import { cleanFree, nowIso, roundOption, roundProvenance } from './code-common.js';
import { inRound, roundOf, roundRater } from './checks/round.js';
import { callerRef } from './checks/roles.js';
import { nextButton } from './code-common.js';

export const codeLabel = defineCommand({
  definition: {
    name: 'code label',
    description: 'Label a topic of your coding round with a category (relabelling keeps the history)',
    options: {
      topic: opt.integer({ description: 'Topic id', required: true, positional: true, min: 1 }),
      category: opt.string({
        description: 'Category code (C1, B2) or name',
        required: true,
        positional: true,
        rest: true,
        max: 100,
      }),
      code: opt.string({ description: 'Optional free-text low-level code', max: 200 }),
      sub: opt.string({ description: 'Optional subcategory of the category', max: 200 }),
      round: roundOption(),
    },
    examples: ['/code label 639 C1', '/code label 639 C2 code:"fine-tuning loss is nan" sub:Fine-Tuning'],
    // Without round:, the caller's most recent open round that holds the topic.
    checks: [inRound('topic-or-latest'), roundRater],
  },
  execute(ctx) {
    const db = ctx.services.db;
    // Required options: the parser guarantees them; the builder's type cannot say so.
    const topic = ctx.args.topic!;
    const round = roundOf(ctx);
    const cat = resolveCategory(db, round.scheme, ctx.args.category!);
    const sub = ctx.args.sub ? resolveSubcategory(db, cat.code, ctx.args.sub) : null;
    const free = cleanFree(ctx.args.code);
    const r = recordLabel(db, {
      roundId: round.id,
      topic,
      rater: callerRef(ctx),
      code: cat.code,
      subcategory: sub,
      freeCode: free,
      at: nowIso(ctx),
    });
    const extra = `${sub ? ` / ${sub}` : ''}${free ? ` ("${free}")` : ''}`;
    const subs = sub ? [] : subcategoriesOf(db, cat.code);
    const actions: ReplyAction[] = [];
    if (subs.length)
      actions.push({
        type: 'select',
        id: `code-sub:${round.id}:${topic}`,
        placeholder: msg.coding.subPlaceholder,
        command: `/code label ${topic} ${cat.code} sub:"{value}"${free ? ` code:"${free}"` : ''} round:${round.name}`,
        options: subs.slice(0, 25).map((s) => ({ label: s.slice(0, 100), value: s })),
      });
    // Only while the rater has topics left: a Next button on the last one would lead nowhere.
    if (nextTopic(db, round.id, callerRef(ctx))) actions.push(nextButton(round));
    return {
      text:
        msg.coding.labelled(topic, cat.code, cat.category, r.replaced, r.labelled, r.total, extra) +
        (r.consensus ? msg.coding.consensusReached(r.consensus, feedsCategories(db, round.id)) : ''),
      data: {
        round: round.name,
        topic,
        code: cat.code,
        subcategory: sub,
        freeCode: free,
        replaced: r.replaced,
        labelled: r.labelled,
        total: r.total,
        consensus: r.consensus,
      },
      provenance: roundProvenance(db, round, r.total),
      // Private: a public confirmation would show the label to the other raters.
      ephemeral: true,
      actions,
    };
  },
});
