/** Strings of the series commands: /trend, /trends, /popular, /cards. */
import { fmtCount, fmtPIs, fmtRho, fmtShare } from '../format/numbers.js';

const r4 = fmtRho;

const pct = (x: number) => fmtShare(x);

/** Why the chart's count axis is log or linear, and how to switch. */
export const scaleNote = (
  s: { type: 'log' | 'linear'; auto: boolean; min: number | null; max: number | null },
  what: string,
  fmt: (x: number) => string = fmtCount,
) =>
  s.type === 'log'
    ? `log scale${s.auto && s.min !== null && s.max !== null ? ` (${fmt(s.min)} to ${fmt(s.max)} ${what})` : ''}; scale:linear to change`
    : `linear scale; scale:log to change`;

export interface TrendLine {
  from: string;
  to: string;
  n: number;
  rho: number | null;
  p: number | null;
  reason?: string | undefined;
  paperRho: number | null;
}

/** README "Fresh data": why mined Hub months before 2022-03 are not the paper's. */
const hubCaveat =
  "Mined Hub months up to 2022-03 are not comparable with the paper's: the Hub API gives older models the migration date (2022-03-02) as createdAt, so they pile up in 2022-03, where the paper used each model's first commit.";

/** A list short enough for a chat line: the first eight, then how many more. */
const few = (xs: string[]) =>
  xs.length ? `${xs.slice(0, 8).join(', ')}${xs.length > 8 ? ` and ${xs.length - 8} more` : ''}` : 'none';

interface CardsSide {
  from: string;
  to: string;
  models: number;
  withCard: number;
  overallRatio: number;
  minRatio: number;
  maxRatio: number;
}

export const series = {
  scaleNote,
  sourceLabel: (source: string, description: string) =>
    source === 'paper' ? 'SANER 2024 replication package' : `${source} data (${description})`,
  noSource: (source: string) =>
    source === 'mined' ? 'No mined data yet; run hfbot mine.' : `No ${source} data in the dataset.`,
  noSourceHint: 'Use source:paper for the replication package.',
  noSeries: (source: string, series: string) => `The ${source} data has no ${series} series yet.`,
  unknownModel: (input: string, source: string) => `No model type "${input}" in the ${source} data.`,
  unknownModelHint: (suggestions: string[]) =>
    suggestions.length
      ? `Did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?`
      : 'Type /popular for the most discussed model types.',
  badMonth: (cmd: string, option: string, month: string, first: string, last: string) =>
    `/${cmd}: ${option} ${month} is outside the data; months available: ${first} to ${last}.`,
  noOverlap: (source: string, windows: { series: string; first: string; last: string }[]) =>
    `The ${source} has no month that every series covers (${windows.map((w) => `${w.series} ${w.first} to ${w.last}`).join(', ')}), so there is nothing to compare month by month.`,
  noOverlapHint: 'Mine again so the series meet (hfbot refresh, or hfbot mine hub --full), or use source:paper.',
  badOrder: (cmd: string, from: string, to: string) => `/${cmd}: from (${from}) must not be after to (${to}).`,
  partial: (month: string) => `${month} is only partly covered (mined mid-month).`,

  trend: (t: {
    model: string;
    source: string;
    from: string;
    to: string;
    n: number;
    rho: number | null;
    p: number | null;
    rule: 'paper' | 'given';
    reason?: string | undefined;
    paperRho: number | null;
    fullRho: number | null;
    fullFrom: string;
  }) => {
    const head = `${t.model}: forum mentions vs Hub uploads per month, ${t.source}, ${t.from}..${t.to} (${t.n} months).`;
    if (t.rho === null) {
      const why =
        t.reason === 'constant'
          ? 'one of the two series is constant (e.g. no mentions or no uploads at all) in this window'
          : 'fewer than 3 months';
      return `${head}\nSpearman rho is undefined: ${why}.`;
    }
    const sig = t.p !== null && t.p <= 0.05 ? 'significant at 0.05' : 'not significant at 0.05';
    const lines = [head, `Spearman rho = ${fmtRho(t.rho)}, ${fmtPIs(t.p)} (${sig}).`];
    if (t.rule === 'paper' && t.from !== t.fullFrom)
      lines.push(
        `The window starts at ${t.model}'s first month in either series (${t.from}), which is how the paper's Table III values reproduce; from ${t.fullFrom} rho = ${fmtRho(t.fullRho)}.`,
      );
    if (t.paperRho !== null) {
      const same = Math.abs(t.paperRho - t.rho) < 5e-5;
      lines.push(
        same
          ? `Matches Table III (${t.paperRho}).`
          : `Table III prints ${t.paperRho}; this window gives ${fmtRho(t.rho)}.`,
      );
    }
    return lines.join('\n');
  },

  noModelGiven: '/trend needs at least one model type, e.g. /trend bert or /trend bert roberta t5.',
  tooManyModels: (models: string[], max: number) =>
    `/trend draws at most ${max} model types at once; got ${models.length} (${models.join(', ')}).`,
  tooManyModelsHint: 'Split them over two commands, or use /trends for every model type at once.',

  /** One model's line in a multi-model or two-source answer. */
  trendLine: (t: TrendLine) => {
    const win = `${t.from}..${t.to} (${t.n} months)`;
    if (t.rho === null)
      return `${win}: rho undefined (${t.reason === 'constant' ? 'a constant series' : 'under 3 months'})`;
    const paper = t.paperRho === null ? '' : `; Table III ${t.paperRho}`;
    return `${win}: rho = ${r4(t.rho)}, ${fmtPIs(t.p)}${paper}`;
  },
  trendMulti: (t: { source: string; models: (TrendLine & { model: string })[]; partial: string | null }) =>
    [
      `Forum mentions and Hub uploads per month for ${t.models.map((m) => m.model).join(', ')}, ${t.source}; each window starts at the model's first month in either series unless from: is given, as in Table III.`,
      ...t.models.map((m) => `${m.model} ${series.trendLine(m)}.`),
      ...(t.partial ? [series.partial(t.partial)] : []),
    ].join('\n'),
  trendBoth: (t: {
    models: { model: string; paper: TrendLine; mined: TrendLine }[];
    minedLabel: string;
    hubCaveat: boolean;
  }) =>
    [
      `The paper's series (SANER 2024 replication package) beside the mined ones (${t.minedLabel}), Spearman rho of forum mentions vs Hub uploads per month.`,
      ...t.models.map((m) => `${m.model}: paper ${series.trendLine(m.paper)}; mined ${series.trendLine(m.mined)}.`),
      ...(t.hubCaveat ? [hubCaveat] : []),
    ].join('\n'),
  hubCaveat,

  trendsBoth: (t: {
    paper: { from: string; to: string; tested: number; significant: number };
    mined: { from: string; to: string; tested: number; significant: number };
    both: number;
    sameSign: number;
    sigBoth: number;
    flipped: string[];
    tableIII: { model: string; paper: number | null; mined: number | null }[];
    hubCaveat: boolean;
  }) =>
    [
      'Table III then and now: Spearman rho of forum mentions vs Hub uploads per month, per model type, each from its first appearance.',
      `Paper ${t.paper.from}..${t.paper.to}: ${t.paper.tested} tested, ${t.paper.significant} with q < 0.05. Mined ${t.mined.from}..${t.mined.to}: ${t.mined.tested} tested, ${t.mined.significant} with q < 0.05 (Benjamini-Hochberg within each).`,
      `Of the ${t.both} types tested in both, ${t.sameSign} keep the sign of rho; significant (q < 0.05) in both: ${t.sigBoth}${t.flipped.length ? `, of which ${few(t.flipped)} flipped sign` : ''}.`,
      `Table III's eight, paper -> mined: ${t.tableIII.map((x) => `${x.model} ${x.paper === null ? 'not tested' : r4(x.paper)} -> ${x.mined === null ? 'not tested' : r4(x.mined)}`).join(', ')}.`,
      ...(t.hubCaveat ? [hubCaveat] : []),
    ].join('\n'),

  popular: (t: {
    source: string;
    top: number;
    defaultTop: boolean;
    share: number;
    hubShare: number;
    rho: number | null;
    p: number | null;
    typesHub: number;
    rhoTop: number | null;
    head: { model: string; forumShare: number; hubShare: number }[];
  }) =>
    [
      `Top ${t.top} model types by forum mentions (${t.source}, all months)${t.defaultTop ? ', the fewest that make up 90% of mentions' : ''}: ${pct(t.share)} of forum mentions, ${pct(t.hubShare)} of Hub models.`,
      `Leaders: ${t.head.map((h) => `${h.model} ${pct(h.forumShare)} forum / ${pct(h.hubShare)} Hub`).join(', ')}.`,
      `Spearman between forum mentions and Hub models over all ${t.typesHub} Hub model types (never-mentioned = 0): rho = ${fmtRho(t.rho)}, ${fmtPIs(t.p)} (paper: 0.702). Over the top ${t.top} only: ${fmtRho(t.rhoTop)}.`,
    ].join('\n'),

  popularBoth: (t: {
    paper: {
      top: number;
      rho: number | null;
      p: number | null;
      hubTypes: number;
      window: { from: string; to: string };
      coverage: number;
    };
    mined: {
      top: number;
      rho: number | null;
      p: number | null;
      hubTypes: number;
      window: { from: string; to: string };
      coverage: number;
    };
    headPaper: string[];
    headMined: string[];
    entered: string[];
    left: string[];
    hubCaveat: boolean;
  }) =>
    [
      `Fig. 3 then and now: Spearman rho of forum mentions vs Hub models over all Hub model types, paper ${r4(t.paper.rho)} (${fmtPIs(t.paper.p)}, ${t.paper.hubTypes} types, ${t.paper.window.from}..${t.paper.window.to}; printed 0.702) vs mined ${r4(t.mined.rho)} (${fmtPIs(t.mined.p)}, ${t.mined.hubTypes} types, ${t.mined.window.from}..${t.mined.window.to}).`,
      `Most discussed: paper ${t.headPaper.join(', ')}; mined ${t.headMined.join(', ')}. The paper's top ${t.paper.top} hold ${pct(t.paper.coverage)} of its mentions, the mined top ${t.mined.top} ${pct(t.mined.coverage)}.`,
      ...(t.entered.length || t.left.length
        ? [`Into the top list since: ${few(t.entered)}; out of it: ${few(t.left)}.`]
        : []),
      ...(t.hubCaveat ? [hubCaveat] : []),
    ].join('\n'),

  cards: (t: {
    source: string;
    from: string;
    to: string;
    months: number;
    models: number;
    withCard: number;
    ratio: number;
    minRatio: number;
    maxRatio: number;
  }) =>
    [
      `Model cards on the Hub by creation month, ${t.source}, ${t.from}..${t.to} (${t.months} months).`,
      `${fmtCount(t.withCard)} of ${fmtCount(t.models)} models have a card: overall ratio ${t.ratio.toFixed(4)} (${pct(t.ratio)}); monthly ratios range ${t.minRatio.toFixed(2)}-${t.maxRatio.toFixed(2)}.`,
      `(The paper's 52.38% counts all 239,422 mined models; this file covers models with a creation month in the window.)`,
    ].join('\n'),
  cardsSubtitle: (t: {
    from: string;
    to: string;
    withCard: number;
    models: number;
    ratio: number;
    scale: { type: 'log' | 'linear'; auto: boolean; min: number | null; max: number | null };
  }) => [
    `${t.from}..${t.to}: ${fmtCount(t.withCard)} of ${fmtCount(t.models)} models have a card (${pct(t.ratio)})`,
    `Counts on a ${scaleNote(t.scale, 'models a month')}`,
  ],
  cardsBothSubtitle: (t: {
    paper: CardsSide;
    mined: CardsSide;
    scale: { type: 'log' | 'linear'; auto: boolean; min: number | null; max: number | null };
  }) => [
    `overall with a card: paper ${pct(t.paper.overallRatio)} of ${fmtCount(t.paper.models)} (${t.paper.from}..${t.paper.to}), mined ${pct(t.mined.overallRatio)} of ${fmtCount(t.mined.models)} (${t.mined.from}..${t.mined.to})`,
    `Counts on a ${scaleNote(t.scale, 'models a month')}`,
  ],
  cardsBoth: (t: { paper: CardsSide; mined: CardsSide; hubCaveat: boolean }) =>
    [
      `Model cards on the Hub by creation month, the paper's data beside the mined data.`,
      `Paper ${t.paper.from}..${t.paper.to}: ${fmtCount(t.paper.withCard)} of ${fmtCount(t.paper.models)} models have a card (${pct(t.paper.overallRatio)}; monthly ${t.paper.minRatio.toFixed(2)}-${t.paper.maxRatio.toFixed(2)}).`,
      `Mined ${t.mined.from}..${t.mined.to}: ${fmtCount(t.mined.withCard)} of ${fmtCount(t.mined.models)} (${pct(t.mined.overallRatio)}; monthly ${t.mined.minRatio.toFixed(2)}-${t.mined.maxRatio.toFixed(2)}). The paper saw the ratio stagnate below 0.6 (IV-C3).`,
      ...(t.hubCaveat ? [hubCaveat] : []),
    ].join('\n'),
  cardsBothWhat: "models created per month and the share with a card, the paper's data and the mined data",
  popularBothWhat: "share of forum mentions vs share of Hub models, the paper's data and the mined data",
  noCardMonths: (from: string, to: string) => `No card statistics between ${from} and ${to}.`,
};
