import { baseConfig, footerText, PALETTE } from './theme.js';
import { symlogShareScale } from './scales.js';

export interface PopularBothSpecInput {
  rows: {
    model: string;
    paper: { forumShare: number; hubShare: number };
    mined: { forumShare: number; hubShare: number };
  }[];
  subtitle: string[];
  /** Shares on a log-like axis (the default when they span 100-fold: bert's 25% vs 0.01%) or a linear one. */
  scale: 'log' | 'linear';
  datasetVersion: string;
  source: string;
}

const FORUM = 'share of forum mentions';
const HUB = 'share of Hub models';

/**
 * Fig. 3 then and now: per model type, its share of forum mentions and of Hub models in the
 * paper's data (blue circle) and in the mined data (vermillion square), side by side in two panels.
 */
export function popularBothSpec(i: PopularBothSpecInput): Record<string, unknown> {
  const values = i.rows.flatMap((r) =>
    (['paper', 'mined'] as const).flatMap((source) => [
      { model: r.model, source, measure: FORUM, share: r[source].forumShare },
      { model: r.model, source, measure: HUB, share: r[source].hubShare },
    ]),
  );
  const domain = ['paper', 'mined'];
  // symlog, not log: a type one source never mentions has a share of 0 and stays on the axis.
  const log = i.scale === 'log' ? symlogShareScale(values.map((v) => v.share)) : null;
  const x = log
    ? { title: 'share (log scale)', scale: log.scale, axis: log.axis }
    : { title: 'share', axis: { format: '.0%' } };
  const y = { field: 'model', type: 'nominal', sort: i.rows.map((r) => r.model), title: null };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: "Most discussed model types: the paper's shares and the mined data's",
      subtitle: [...i.subtitle, footerText(i.datasetVersion, i.source)],
    },
    data: { values },
    facet: {
      column: { field: 'measure', type: 'nominal', sort: [FORUM, HUB], title: null, header: { labelFontSize: 12 } },
    },
    spec: {
      width: 250,
      height: { step: 14 },
      layer: [
        {
          mark: { type: 'rule', color: '#CCCCCC' },
          encoding: {
            y,
            x: { aggregate: 'min', field: 'share', type: 'quantitative' },
            x2: { aggregate: 'max', field: 'share' },
          },
        },
        {
          mark: { type: 'point', size: 55, filled: true, opacity: 0.9 },
          encoding: {
            y,
            x: { field: 'share', type: 'quantitative', ...x },
            color: {
              field: 'source',
              type: 'nominal',
              title: null,
              scale: { domain, range: [PALETTE[0], PALETTE[3]] },
            },
            shape: { field: 'source', type: 'nominal', scale: { domain, range: ['circle', 'square'] } },
            tooltip: [{ field: 'model' }, { field: 'source' }, { field: 'measure' }, { field: 'share', format: '.2%' }],
          },
        },
      ],
    },
    resolve: { scale: { x: 'independent' } },
    config: { ...baseConfig, axisY: { title: null, labelFontSize: 10 } },
  };
}
