/** One model type's monthly series and Spearman test in one source: what every /trend form is built from. */
import { msg } from '../messages/index.js';
import { modelTypes } from '../data/queries/model-types.js';
import { monthlyByModel, type SeriesSource } from '../data/queries/series.js';
import { resolveModelList } from '../analysis/model-names.js';
import {
  firstAppearance,
  PAPER_TABLE_III,
  paperWindowFor,
  trend as computeTrend,
  type TrendPoint,
} from '../analysis/trend.js';
import { HfbotError } from '../errors.js';
import { checkWindow, commonWindow } from './series-common.js';
import type { Db } from '../data/db.js';

/** The paper's 35-month window (July 2020 to May 2023); June 2023 was mined mid-month. */
export const PAPER_WINDOW = { from: '2020-07', to: '2023-05' } as const;

/** More lines than this stop being readable in one chart (and Okabe-Ito has six clear colours). */
export const MAX_MODELS = 6;

export interface ModelTrend {
  model: string;
  source: string;
  from: string;
  to: string;
  n: number;
  rho: number | null;
  p: number | null;
  windowRule: 'paper' | 'given';
  undefinedReason?: string;
  paperRho: number | null;
  /** The window before the first-appearance rule moved its start, when it did. */
  fullWindow?: { from: string; to: string; n: number; rho: number | null; p: number | null };
  series: TrendPoint[];
  /** The last month is only partly covered (mined mid-month). */
  partialLast: boolean;
}

/** The model types typed (spaces or commas), resolved against the sources' type lists. */
export function requireModels(db: Db, input: string, sources: readonly SeriesSource[]): string[] {
  const names = [...new Set(sources.flatMap((s) => modelTypes(db, s.source).map((m) => m.name)))].sort();
  const label = sources.map((s) => s.source).join(' or ');
  const models = resolveModelList(input, names, (i, s) => ({
    message: msg.series.unknownModel(i, label),
    hint: msg.series.unknownModelHint(s),
  }));
  if (!models.length)
    throw new HfbotError('E_MISSING_OPTION', msg.series.noModelGiven, { details: { option: 'model' } });
  if (models.length > MAX_MODELS)
    throw new HfbotError('E_BAD_VALUE', msg.series.tooManyModels(models, MAX_MODELS), {
      hint: msg.series.tooManyModelsHint,
      details: { option: 'model' },
    });
  return models;
}

/**
 * As Table III: the window is 2020-07..2023-05 for the paper (the mined data's full months
 * otherwise), started at the model's first month in either series unless `from` is given.
 */
export function modelTrend(
  db: Db,
  src: SeriesSource,
  model: string,
  args: { from?: string | undefined; to?: string | undefined },
  /** How window errors name the command: 'trend', or 'trend source:mined' when both sources run. */
  cmd = 'trend',
): ModelTrend {
  const avail = commonWindow(src, ['forum', 'hub']);
  const base = src.source === 'paper' ? { ...PAPER_WINDOW } : { from: avail.first, to: avail.lastFull };
  const to = args.to ?? base.to;
  const forum = monthlyByModel(db, 'forum', src.source, model).get(model);
  const hub = monthlyByModel(db, 'hub', src.source, model).get(model);
  const rule = args.from ? 'given' : 'paper';
  const fullFrom = args.from ?? (base.from <= to ? base.from : avail.first);
  checkWindow(cmd, fullFrom, to, avail.first, avail.last);
  const from = rule === 'paper' ? paperWindowFor(fullFrom, to, firstAppearance(forum, hub)).from : fullFrom;
  const t = computeTrend(forum, hub, from, to);
  const full = from === fullFrom ? null : computeTrend(forum, hub, fullFrom, to);
  return {
    model,
    source: src.source,
    from,
    to,
    n: t.n,
    rho: t.rho,
    p: t.p,
    windowRule: rule,
    ...(t.undefinedReason ? { undefinedReason: t.undefinedReason } : {}),
    paperRho: src.source === 'paper' ? (PAPER_TABLE_III[model] ?? null) : null,
    ...(full ? { fullWindow: { from: fullFrom, to, n: full.n, rho: full.rho, p: full.p } } : {}),
    series: t.series,
    partialLast: avail.last === to && avail.last !== avail.lastFull,
  };
}

/** The per-model entry of data.models (the shape). */
export function modelEntry(t: ModelTrend) {
  return { model: t.model, rho: t.rho, p: t.p, n: t.n, from: t.from, to: t.to, series: t.series };
}
