import { defineCommand } from './types.js';
import { roundTopics } from '../data/coding/rounds.js';
import { revealedTopics, visibleLabels } from '../data/coding/views.js';
import { consensusCode } from '../data/coding/consensus.js';
import { msg } from '../messages/index.js';
import { roundOption, roundProvenance } from './code-common.js';
import { inRound, roundExporter, roundOf } from './checks/round.js';
import { callerRef } from './checks/roles.js';
import { displayNames } from '../data/coding/people.js';
import { raters } from '../data/coding/rounds.js';
import { taxonomy } from '../data/queries/taxonomy.js';
import { csvAttachment } from '../csv.js';

const COLUMNS = ['Topic#', 'Tag', 'Code', 'rater', 'category', 'subcategory', 'rater id'] as const;

/**
 * The replication package's All_Codes.csv layout (Topic#, Tag = forum category, Code = the
 * low-level code) plus rater (display name), category, subcategory and the rater's platform id
 * (slack:U0AAA1). Before the round is closed only its owner or an admin may export. Other raters' labels on topics not
 * yet revealed are left out; consensus rows carry rater "consensus". Rater names and free-text
 * codes are user input, so the CSV goes through the shared writer (formula cells neutralised).
 */
export const codeExport = defineCommand({
  definition: {
    name: 'code export',
    description: 'CSV of a round in the All_Codes.csv layout, plus rater, category and subcategory',
    options: { round: roundOption(true) },
    checks: [inRound(), roundExporter],
    examples: ['/code export', '/code export r1'],
  },
  execute(ctx) {
    const db = ctx.services.db;
    const round = roundOf(ctx);
    const topics = roundTopics(db, round.id);
    const tag = new Map(topics.map((t) => [t.topic_id, t.forum_category]));
    const categories = new Map(taxonomy(db).map((t) => [t.code, t.category]));
    const categoryName = (code: string) => categories.get(code) ?? code;
    const order = new Map(topics.map((t) => [t.topic_id, t.position]));
    const names = displayNames(db, raters(db, round.id));
    const nameOf = (ref: string) => names.get(ref) ?? ref;
    const rows: (string | number | null)[][] = visibleLabels(db, round, callerRef(ctx))
      .sort((a, b) => order.get(a.topic_id)! - order.get(b.topic_id)! || nameOf(a.rater).localeCompare(nameOf(b.rater)))
      .map((l) => [
        l.topic_id,
        tag.get(l.topic_id)!,
        l.free_code ?? l.subcategory ?? categoryName(l.code),
        nameOf(l.rater),
        l.code,
        l.subcategory,
        l.rater,
      ]);
    const open = revealedTopics(db, round);
    for (const t of topics) {
      const c = open.has(t.topic_id) ? consensusCode(db, round.id, t.topic_id) : null;
      if (c) rows.push([t.topic_id, t.forum_category, categoryName(c), 'consensus', c, null, null]);
    }
    const hidden = topics.length - open.size;
    return {
      text: msg.coding.exported(round.name, rows.length, hidden),
      data: { round: round.name, rows: rows.length, hidden, columns: [...COLUMNS] },
      provenance: roundProvenance(db, round, rows.length),
      files: [csvAttachment(`${round.name}-codes.csv`, { columns: COLUMNS, rows })],
    };
  },
});
