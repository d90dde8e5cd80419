/**
 * Recomputes the mined statistics (mentions, then the monthly series) so /trend, /popular and
 * /cards answer on the new data with source:mined. Run after every mining run and by refresh;
 * inside `hfbot serve` it runs on a worker thread (`refresh-off-thread.ts`).
 */
import { scanMatcher } from '../data/derive/batch-matcher.js';
import { deriveMentions, type MentionScan } from '../data/derive/mentions.js';
import { deriveSeries, type DerivedSeries, type DeriveSeriesOptions } from '../data/derive/series.js';
import { readModelTypes } from '../data/miners/hub/model-types.js';
import type { Services } from '../services.js';

export interface Recomputed {
  mentions: MentionScan;
  derived: DerivedSeries;
}

export function recompute(services: Pick<Services, 'db' | 'now'>, opts: DeriveSeriesOptions = {}): Recomputed {
  const types = readModelTypes();
  const mentions = deriveMentions(services.db, scanMatcher(types), { now: services.now });
  const derived = deriveSeries(services.db, types, services.now, opts);
  return { mentions, derived };
}
