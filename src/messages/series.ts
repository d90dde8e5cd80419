/** Strings of the series commands: /trend, /trends, /popular, /cards. */
import { fmtCount, fmtPIs, fmtRho, fmtShare } from '../format/numbers.js';

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
  noCardMonths: (from: string, to: string) => `No card statistics between ${from} and ${to}.`,
};
