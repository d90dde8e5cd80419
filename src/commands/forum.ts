import { defineCommand } from './types.js';
import { opt } from './options.js';
import { HfbotError } from '../errors.js';
import { msg } from '../messages/index.js';
import { forumSnapshot } from '../data/queries/forum.js';
import { categoryKey, categorySeries, topWithOther } from '../analysis/forum-categories.js';
import { closest } from '../analysis/similarity.js';
import { forumCategoriesSpec } from '../render/specs/forum-categories.js';
import { checkWindow } from './series-common.js';
import { chartName, given } from './chart-name.js';

/** Seven colours and a grey "other" line: more is a legend nobody can match to lines. */
const MAX_LINES = 7;
/** The paper mined the forum on 26 June 2023 (III-B1). */
const PAPER_MINED = '2023-06';

/** Category names typed (commas separate), matched ignoring case, spaces and emoji; a unique prefix will do. */
function resolveCategories(input: string, names: readonly string[]): string[] {
  const out: string[] = [];
  for (const part of input
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)) {
    const key = categoryKey(part);
    const exact = names.filter((n) => categoryKey(n) === key);
    const prefix = exact.length ? exact : names.filter((n) => key && categoryKey(n).startsWith(key));
    if (prefix.length > 1)
      throw new HfbotError('E_BAD_VALUE', msg.forum.ambiguousCategory(part, prefix), {
        hint: msg.forum.ambiguousCategoryHint,
        details: { option: 'category' },
      });
    if (!prefix.length)
      throw new HfbotError('E_BAD_VALUE', msg.forum.unknownCategory(part), {
        hint: msg.forum.unknownCategoryHint(closest(part, names), [...names]),
        details: { option: 'category', suggestions: closest(part, names) },
      });
    if (!out.includes(prefix[0]!)) out.push(prefix[0]!);
  }
  if (out.length > MAX_LINES)
    throw new HfbotError('E_BAD_VALUE', msg.forum.tooManyCategories(MAX_LINES, out.length), {
      details: { option: 'category' },
    });
  return out;
}

export const forumCommand = defineCommand({
  definition: {
    name: 'forum',
    description: 'Mined forum topics per forum category per month, cumulative by default (package category charts)',
    options: {
      from: opt.month({ description: 'First month (default: the first mined)', positional: true }),
      to: opt.month({ description: 'Last month (default: the last mined)', positional: true }),
      category: opt.string({
        description: 'One forum category, or several separated by commas, e.g. beginners,intermediate',
      }),
      cumulative: opt.boolean({
        description: 'Running totals (true) or topics created each month (false)',
        default: true,
      }),
    },
    examples: ['/forum', '/forum category:beginners,intermediate', '/forum 2022-01 2023-06 cumulative:false'],
  },
  execute(ctx) {
    const db = ctx.services.db;
    const snapshot = forumSnapshot(db);
    const overview = snapshot.overview;
    const counts = snapshot.rows.map((r) => ({ ...r, category: r.category ?? msg.forum.noCategory }));
    if (!overview.topics || !overview.firstMonth || !overview.lastMonth || !overview.version)
      throw new HfbotError('E_NOT_FOUND', msg.forum.noData, { hint: msg.forum.noDataHint });
    const from = ctx.args.from ?? overview.firstMonth;
    const to = ctx.args.to ?? overview.lastMonth;
    checkWindow('forum', from, to, overview.firstMonth, overview.lastMonth);
    const cumulative = ctx.args.cumulative ?? true;
    const all = categorySeries(counts, from, to);
    const wanted = ctx.args.category
      ? resolveCategories(
          ctx.args.category,
          all.map((c) => c.category),
        )
      : null;
    const chosen = wanted ? all.filter((c) => wanted.includes(c.category)) : all;
    const drawn = topWithOther(chosen, MAX_LINES - 1, msg.forum.other);
    const otherLabel = chosen.length > MAX_LINES ? drawn.at(-1)!.category : null;
    const topics = chosen.reduce((s, c) => s + c.total, 0);
    const inWindow = chosen.reduce((s, c) => s + c.inWindow, 0);
    const partial = overview.lastRun?.slice(0, 7) === overview.lastMonth && to === overview.lastMonth ? to : null;
    const upTo = (name: string, month: string) =>
      counts.filter((r) => categoryKey(r.category) === name && r.month <= month).reduce((s, r) => s + r.topics, 0);
    // Only when the whole forum up to the paper's mining month is mined and in view.
    const coversPaper = overview.firstMonth <= '2020-07' && from <= PAPER_MINED && to >= PAPER_MINED && !wanted;
    const text = [
      msg.forum.summary({
        cumulative,
        from,
        to,
        topics,
        inWindow,
        categories: chosen.length,
        shown: otherLabel ? drawn.length - 1 : drawn.length,
        head: chosen.slice(0, 3),
        partial,
        lastRun: overview.lastRun,
      }),
      ...(coversPaper
        ? [
            msg.forum.paperAt({
              month: PAPER_MINED,
              beginners: upTo('beginners', PAPER_MINED),
              intermediate: upTo('intermediate', PAPER_MINED),
              all: counts.filter((r) => r.month <= PAPER_MINED).reduce((s, r) => s + r.topics, 0),
            }),
          ]
        : []),
    ].join('\n');
    const value = (p: { topics: number; cumulative: number }) => (cumulative ? p.cumulative : p.topics);
    const what = cumulative ? 'cumulative' : 'created per month';
    return {
      text,
      chartName: chartName(
        'forum',
        [
          ctx.args.from,
          ctx.args.to,
          given('category', ctx.args.category),
          given('cumulative', ctx.args.cumulative === false ? 'false' : undefined),
        ],
        `forum topics per category, ${what}`,
      ),
      table: {
        columns: ['month', 'category', 'topics created', 'cumulative topics'],
        rows: chosen.flatMap((c) => c.series.map((p) => [p.month, c.category, p.topics, p.cumulative])),
      },
      chart: forumCategoriesSpec({
        lines: drawn.map((c) => ({
          category: c.category,
          points: c.series.map((p) => ({ month: p.month, value: value(p) })),
        })),
        otherLabel,
        cumulative,
        title: `Forum topics per category, ${what}`,
        subtitle: `${from}..${to}; ${topics.toLocaleString('en-US')} topics up to ${to} in ${chosen.length} categories${partial ? `; ${partial} partly mined` : ''}`,
        datasetVersion: overview.version,
        source: 'mined HuggingFace Forums',
      }),
      data: {
        cumulative,
        from,
        to,
        topics,
        inWindow,
        partialMonth: partial,
        lastRun: overview.lastRun,
        categories: chosen.map((c) => ({
          category: c.category,
          total: c.total,
          inWindow: c.inWindow,
          series: c.series,
        })),
      },
      provenance: {
        datasetVersion: overview.version,
        sources: ['hfbot mine forum: forum_topics (HuggingFace Forums, Discourse /latest.json and /t/<id>.json)'],
        window: { from, to },
        n: cumulative ? topics : inWindow,
        note: cumulative
          ? `n = topics created up to ${to} in the categories shown; each month counts every topic created up to its end`
          : `n = topics created ${from}..${to} in the categories shown`,
      },
    };
  },
});
