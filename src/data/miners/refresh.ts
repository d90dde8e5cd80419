/**
 * `hfbot refresh`: mine the forum and the Hub, recompute the mined statistics, and build the
 * announcement. A source that fails is reported and the other still runs; its checkpoint
 * lets the next refresh resume it.
 */
import type { Reply, Services } from '../../commands/types.js';
import { isHfbotError } from '../../errors.js';
import { buildMentionMatcher } from '../../analysis/mentions.js';
import { deriveMentions, type MentionScan } from '../derive-mentions.js';
import { deriveSeries, MINED, type DerivedSeries } from '../derive.js';
import { cardMonths } from '../queries/series.js';
import { PoliteHttp, type HttpOptions } from './http.js';
import { mineForum, type ForumMineResult } from './forum/mine.js';
import { mineHub, type HubMineResult } from './hub/mine.js';
import { readModelTypes } from './hub/model-types.js';
import type { ProgressSink } from './progress.js';
import { takeSnapshot } from './snapshot.js';
import { summarize } from './summary.js';
import { cardsSpec } from '../../render/specs/cards.js';

export interface RefreshOptions {
  services: Services;
  forumUrl?: string;
  hubUrl?: string;
  skipForum?: boolean;
  skipHub?: boolean;
  fullHub?: boolean;
  http?: HttpOptions;
  onProgress?: ProgressSink;
}

export interface RefreshResult {
  reply: Reply;
  forum: ForumMineResult | null;
  hub: HubMineResult | null;
  mentions: MentionScan;
  derived: DerivedSeries;
  failures: { source: 'forum' | 'hub'; error: string }[];
}

export async function refresh(o: RefreshOptions): Promise<RefreshResult> {
  const { db, logger, config, now } = o.services;
  const before = takeSnapshot(db);
  const failures: RefreshResult['failures'] = [];
  const attempt = async <T>(source: 'forum' | 'hub', run: () => Promise<T>): Promise<T | null> => {
    try {
      return await run();
    } catch (err) {
      if (!isHfbotError(err)) throw err;
      failures.push({ source, error: err.userMessage() });
      logger.error(`refresh: ${source} mining stopped`, { error: err.message });
      return null;
    }
  };
  const forum = o.skipForum
    ? null
    : await attempt('forum', () =>
        mineForum({
          db,
          http: new PoliteHttp({ logger, ...o.http }),
          baseUrl: o.forumUrl ?? config.HFBOT_FORUM_URL,
          logger,
          now,
          onProgress: o.onProgress,
        }),
      );
  const hubHeaders = config.HF_TOKEN ? { authorization: `Bearer ${config.HF_TOKEN}` } : undefined;
  const hub = o.skipHub
    ? null
    : await attempt('hub', () =>
        mineHub({
          db,
          http: new PoliteHttp({ logger, ...o.http, headers: { ...o.http?.headers, ...hubHeaders } }),
          baseUrl: o.hubUrl ?? config.HFBOT_HUB_URL,
          logger,
          now,
          full: o.fullHub,
          onProgress: o.onProgress,
        }),
      );
  const types = readModelTypes();
  const mentions = deriveMentions(db, buildMentionMatcher(types), { now });
  const derived = deriveSeries(db, types, now);
  const after = takeSnapshot(db);
  const text = summarize(before, after, { forum, hub, failures, newPending: mentions.pending });
  const months = derived.windows.cards
    ? cardMonths(db, MINED, derived.windows.cards.first, derived.windows.cards.last)
    : [];
  const reply: Reply = {
    text,
    chart: months.length
      ? cardsSpec({
          months: months.map((m) => ({ ...m, ratio: m.models ? m.withCard / m.models : null })),
          subtitle: `Mined ${now().toISOString().slice(0, 10)}`,
          datasetVersion: derived.version,
          source: 'source: mined',
        })
      : null,
    ...(months.length
      ? {
          chartName: {
            file: 'refresh-cards.png',
            title: 'hfbot refresh: mined models per month and the share with a model card',
          },
        }
      : {}),
    data: {
      version: derived.version,
      forum,
      hub,
      mentions,
      failures,
      before: { version: before.version, topics: before.topics, models: before.models },
      after: { topics: after.topics, models: after.models, cardRatio: after.cardRatio },
    },
    provenance: {
      datasetVersion: derived.version,
      sources: [
        `HuggingFace Forums (${o.forumUrl ?? config.HFBOT_FORUM_URL})`,
        `HuggingFace Hub API (${o.hubUrl ?? config.HFBOT_HUB_URL}/api/models)`,
      ],
      window: after.window,
      n: after.topics,
    },
  };
  return { reply, forum, hub, mentions, derived, failures };
}
