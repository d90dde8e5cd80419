/**
 * Recomputes the mined statistics (mentions, then the monthly series) so /trend, /popular and
 * /cards answer on the new data with source:mined. Run after every mining run and by refresh.
 */
import { buildMentionMatcher } from '../analysis/mentions.js';
import { deriveMentions, type MentionScan } from '../data/derive/mentions.js';
import { deriveSeries, type DerivedSeries } from '../data/derive/series.js';
import { readModelTypes } from '../data/miners/hub/model-types.js';
import type { Services } from '../services.js';

export interface Recomputed {
  mentions: MentionScan;
  derived: DerivedSeries;
}

export function recompute(services: Pick<Services, 'db' | 'now'>): Recomputed {
  const types = readModelTypes();
  const mentions = deriveMentions(services.db, buildMentionMatcher(types), { now: services.now });
  const derived = deriveSeries(services.db, types, services.now);
  return { mentions, derived };
}
