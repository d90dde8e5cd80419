import { defineCommand } from './types.js';
import { raters, roundTopics } from '../data/coding/rounds.js';
import { currentLabels, resolutions, revealedTopics } from '../data/coding/views.js';
import { msg } from '../messages/index.js';
import { roundOption, roundProvenance } from './code-common.js';
import { inRound, roundOf, roundViewer } from './checks/round.js';
import { displayNames } from '../data/coding/people.js';

/** Only revealed topics: before every rater has labelled a topic, nobody sees its labels. */
export const codeDisagreements = defineCommand({
  definition: {
    name: 'code disagreements',
    description: 'Topics where the raters of a round differ, for the negotiation meeting',
    options: { round: roundOption(true) },
    checks: [inRound(), roundViewer],
    examples: ['/code disagreements', '/code disagreements r1'],
  },
  execute(ctx) {
    const db = ctx.services.db;
    const round = roundOf(ctx);
    const ids = raters(db, round.id);
    const names = displayNames(db, ids);
    const rs = ids.map((r) => names.get(r)!);
    const topics = roundTopics(db, round.id);
    const open = revealedTopics(db, round);
    const res = resolutions(db, round.id);
    const by = new Map<number, Map<string, string>>();
    for (const l of currentLabels(db, round.id)) {
      if (!open.has(l.topic_id)) continue;
      if (!by.has(l.topic_id)) by.set(l.topic_id, new Map());
      by.get(l.topic_id)!.set(names.get(l.rater) ?? l.rater, l.code);
    }
    const list = topics
      .filter((t) => new Set(by.get(t.topic_id)?.values() ?? []).size > 1)
      .map((t) => ({
        topic: t.topic_id,
        forumCategory: t.forum_category,
        labels: Object.fromEntries(rs.map((r) => [r, by.get(t.topic_id)?.get(r) ?? null])),
        resolved: res.get(t.topic_id)?.code ?? null,
      }));
    const hidden = topics.length - open.size;
    return {
      text: msg.coding.disagreements(round.name, list.length, hidden),
      table: {
        columns: ['topic', 'forum category', ...rs, 'resolved'],
        rows: list.map((d) => [d.topic, d.forumCategory, ...rs.map((r) => d.labels[r] ?? null), d.resolved]),
      },
      data: { round: round.name, disagreements: list, hidden },
      provenance: roundProvenance(db, round, list.length),
    };
  },
});
