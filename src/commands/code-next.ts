import { defineCommand, type ReplyAction } from './types.js';
import { assertCanLabel, nextTopic, progress } from '../data/coding/labels.js';
import { schemeCategories, subcategoriesOf } from '../data/coding/scheme.js';
import { topicInfo } from '../data/coding/pool.js';
import { msg } from '../messages/index.js';
import { roundOption, roundProvenance } from './code-common.js';
import { inRound, roundOf } from './checks/round.js';

export const codeNext = defineCommand({
  definition: {
    name: 'code next',
    description: 'Your next topic to label in a coding round, in a thread',
    options: { round: roundOption(true) },
    examples: ['/code next', '/code next r1'],
    checks: [inRound()],
  },
  execute(ctx) {
    const db = ctx.services.db;
    const me = ctx.user.id;
    const round = roundOf(ctx);
    const t = nextTopic(db, round.id, me);
    const p = progress(db, round.id, me);
    if (!t)
      return {
        text: msg.coding.allDone(round.name, p.total),
        data: { round: round.name, done: true, ...p },
        provenance: roundProvenance(db, round, p.total),
        ephemeral: true,
      };
    assertCanLabel(db, round.id, t.topic_id, me);
    const info = topicInfo(db, t.topic_id, ctx.services.config.HFBOT_FORUM_URL);
    const cats = schemeCategories(db, round.scheme);
    const actions: ReplyAction[] = [
      {
        type: 'select',
        id: `code-label:${round.id}:${t.topic_id}`,
        placeholder: msg.coding.selectPlaceholder,
        command: `/code label ${t.topic_id} {value} round:${round.name}`,
        options: cats.map((c) => {
          const subs = subcategoriesOf(db, c.code);
          return {
            label: `${c.code} ${c.category}`.slice(0, 100),
            value: c.code,
            ...(subs.length ? { description: subs.join('; ').slice(0, 100) } : {}),
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
      thread: { title: msg.coding.nextTitle(round.name, t.topic_id) },
      actions,
    };
  },
});
