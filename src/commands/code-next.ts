import { defineCommand, type ReplyAction } from './types.js';
import { nextTopic, progress } from '../data/coding/labels.js';
import { categoryDefinition, schemeCategories } from '../data/coding/scheme.js';
import { topicInfo } from '../data/coding/pool.js';
import { displayName, rememberPeople } from '../data/coding/people.js';
import { msg } from '../messages/index.js';
import { HfbotError } from '../errors.js';
import { nowIso, raterThread, roundOption, roundProvenance } from './code-common.js';
import { inRound, roundOf, roundRater } from './checks/round.js';
import { callerRef } from './checks/roles.js';

export const codeNext = defineCommand({
  definition: {
    name: 'code next',
    description: 'Your next topic to label in a coding round, in your thread of the round',
    options: { round: roundOption(true) },
    examples: ['/code next', '/code next r1'],
    checks: [inRound(), roundRater],
  },
  execute(ctx) {
    const db = ctx.services.db;
    const me = callerRef(ctx);
    const round = roundOf(ctx);
    if (ctx.user.name) rememberPeople(db, [{ ref: me, name: ctx.user.name }], nowIso(ctx));
    if (round.status !== 'open')
      throw new HfbotError('E_CONFLICT', msg.coding.roundClosed(round.name), {
        hint: msg.coding.reopenHint(round.name),
      });
    const t = nextTopic(db, round.id, me);
    const p = progress(db, round.id, me);
    if (!t)
      return {
        text: msg.coding.allDone(round.name, p.total),
        data: { round: round.name, done: true, ...p },
        provenance: roundProvenance(db, round, p.total),
        ephemeral: true,
      };
    const info = topicInfo(db, t.topic_id, ctx.services.config.HFBOT_FORUM_URL);
    const cats = schemeCategories(db, round.scheme);
    const actions: ReplyAction[] = [
      {
        type: 'select',
        id: `code-label:${round.id}:${t.topic_id}`,
        placeholder: msg.coding.selectPlaceholder,
        command: `/code label ${t.topic_id} {value} round:${round.name}`,
        // Short labels (code and category) so menus stay narrow; what a category means goes below.
        options: cats.map((c) => {
          const definition = categoryDefinition(db, c.code);
          return {
            label: `${c.code} ${c.category}`,
            value: c.code,
            ...(definition ? { description: definition } : {}),
          };
        }),
      },
      {
        type: 'button',
        id: `code-skip:${round.id}:${t.topic_id}`,
        label: msg.coding.skipLabel,
        command: `/code skip ${t.topic_id} round:${round.name}`,
        style: 'secondary',
      },
    ];
    return {
      text: msg.coding.next({
        topic: t.topic_id,
        url: info.url,
        forumCategory: t.forum_category,
        title: info.title,
        excerpt: info.excerpt,
        position: t.position,
        total: p.total,
        done: p.labelled,
        skipped: t.skipped,
      }),
      data: {
        round: round.name,
        topic: t.topic_id,
        url: info.url,
        forumCategory: t.forum_category,
        title: info.title,
        excerpt: info.excerpt,
        position: t.position,
        ...p,
        categories: cats.map((c) => c.code),
      },
      provenance: roundProvenance(db, round, p.total),
      // The rater's own thread of the round; private where the platform has private threads.
      thread: raterThread(round, me, displayName(db, me)),
      actions,
    };
  },
});
