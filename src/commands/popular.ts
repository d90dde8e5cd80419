import { chartName, given, named, sourceArg } from './chart-name.js';
import { defineCommand } from './types.js';
import { opt } from './options.js';
import { msg } from '../messages/index.js';
import { popularData } from './popular-data.js';
import { bothPopularReply } from './popular-both.js';
import { popularSpec } from '../render/specs/popular.js';
import { requireSource, scaleOption, seriesProvenance, sourceLabel, sourceOption } from './series-common.js';
import { chooseScale } from '../analysis/scale.js';
import { fmtRho, fmtShare } from '../format/numbers.js';

export const popular = defineCommand({
  definition: {
    name: 'popular',
    description: 'Most discussed model types: share of forum mentions vs share of Hub models (Fig. 3)',
    options: {
      top: opt.integer({
        description: 'How many model types (default: the fewest that make up 90% of forum mentions)',
        min: 1,
        max: 200,
      }),
      source: sourceOption(),
      scale: scaleOption(),
    },
    examples: ['/popular', '/popular top:10', '/popular scale:linear', '/popular source:both'],
  },
  execute(ctx) {
    const db = ctx.services.db;
    if (ctx.args.source === 'both')
      return named(
        bothPopularReply(db, ctx.args.top, ctx.args.scale),
        chartName(
          'popular',
          [given('top', ctx.args.top), 'source:both', given('scale', ctx.args.scale)],
          msg.series.popularBothWhat,
        ),
      );
    const src = requireSource(db, ctx.args.source ?? 'paper', ['forum', 'hub']);
    const { top, rows, hubTypes, all, head, window, share, hubShare } = popularData(db, src, ctx.args.top);
    const label = sourceLabel(src);
    const scale = chooseScale(
      rows.flatMap((r) => [r.forumShare, r.hubShare]),
      ctx.args.scale,
    );
    const w = src.windows;
    const provenance = seriesProvenance(
      db,
      src,
      ['forum', 'hub'],
      window,
      hubTypes.length,
      `every stored month of each series (forum ${w.forum!.first}..${w.forum!.last}, Hub ${w.hub!.first}..${w.hub!.last}); n = Hub model types in the correlation`,
    );
    return {
      text: msg.series.popular({
        source: label,
        top,
        defaultTop: ctx.args.top === undefined,
        share,
        hubShare,
        rho: all.rho,
        p: all.p,
        typesHub: hubTypes.length,
        rhoTop: head.rho,
        head: rows.slice(0, 4).map((r) => ({ model: r.model, forumShare: r.forumShare, hubShare: r.hubShare })),
      }),
      table: {
        columns: ['model', 'forum mentions', 'forum share', 'Hub models', 'Hub share'],
        rows: rows.map((r) => [
          r.model,
          r.forumMentions,
          +r.forumShare.toFixed(4),
          r.hubModels,
          +r.hubShare.toFixed(4),
        ]),
      },
      chartName: chartName(
        'popular',
        [given('top', ctx.args.top), sourceArg(ctx.args.source), given('scale', ctx.args.scale)],
        'share of forum mentions vs share of Hub models',
      ),
      chart: popularSpec({
        rows,
        scale: scale.type,
        subtitle: [
          `Spearman rho over all ${hubTypes.length} Hub model types = ${fmtRho(all.rho)} (paper 0.702); top ${top} = ${fmtShare(share)} of forum mentions`,
          `Shares on a ${msg.series.scaleNote(scale, 'of the total', (x) => fmtShare(x, 2))}`,
        ],
        datasetVersion: provenance.datasetVersion,
        source: label,
      }),
      data: {
        source: src.source,
        top,
        coverage: share,
        hubCoverage: hubShare,
        rho: all.rho,
        p: all.p,
        n: all.n,
        rhoTop: head.rho,
        pTop: head.p,
        scale: scale.type,
        rows,
      },
      provenance,
    };
  },
});
