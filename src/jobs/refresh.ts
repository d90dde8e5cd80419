/**
 * `hfbot refresh`: mine the forum and the Hub, recompute the mined statistics, and build the
 * announcement. A source that fails is reported and the other still runs; its checkpoint
 * lets the next refresh resume it.
 */
import type { Reply } from '../reply.js';
import type { Services } from '../services.js';
import { isHfbotError } from '../errors.js';
import { msg } from '../messages/index.js';
import type { MentionScan } from '../data/derive/mentions.js';
import { MINED, type DerivedSeries } from '../data/derive/series.js';
import { cardMonths } from '../data/queries/series.js';
import { PoliteHttp, type HttpOptions, type WaitEvent } from '../data/miners/http.js';
import { mineForum, type ForumMineResult } from '../data/miners/forum/mine.js';
import { mineHub, type HubMineResult } from '../data/miners/hub/mine.js';
import type { ProgressSink } from '../data/miners/progress.js';
import { cardsSpec } from '../render/specs/cards.js';
import { chooseScale } from '../analysis/scale.js';
import { recompute } from './recompute.js';
import { takeSnapshot } from './snapshot.js';
import { summarize } from './summary.js';

export interface RefreshOptions {
  services: Services;
  forumUrl?: string;
  hubUrl?: string;
  skipForum?: boolean;
  skipHub?: boolean;
  fullHub?: boolean;
  fullForum?: boolean;
  http?: HttpOptions;
  onProgress?: ProgressSink;
  /** Rate-limit and retry waits, by source (the progress line shows them). */
  onWait?: (source: 'forum' | 'hub', w: WaitEvent) => void;
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
          http: new PoliteHttp({ logger, ...o.http, onWait: (w) => o.onWait?.('forum', w) }),
          baseUrl: o.forumUrl ?? config.HFBOT_FORUM_URL,
          logger,
          now,
          full: o.fullForum,
          onProgress: o.onProgress,
        }),
      );
  const hubHeaders = config.HF_TOKEN ? { authorization: `Bearer ${config.HF_TOKEN}` } : undefined;
  const hub = o.skipHub
    ? null
    : await attempt('hub', () =>
        mineHub({
          db,
          http: new PoliteHttp({
            logger,
            ...o.http,
            headers: { ...o.http?.headers, ...hubHeaders },
            onWait: (w) => o.onWait?.('hub', w),
          }),
          baseUrl: o.hubUrl ?? config.HFBOT_HUB_URL,
          logger,
          now,
          full: o.fullHub,
          onProgress: o.onProgress,
        }),
      );
  const { mentions, derived } = recompute(o.services);
  const after = takeSnapshot(db);
  const text = summarize(before, after, { forum, hub, failures, newPending: mentions.pending });
  const months = derived.windows.cards
    ? cardMonths(db, MINED, derived.windows.cards.first, derived.windows.cards.last)
    : [];
  // The same rule as /cards: a log axis when the months span 100x (mined months start in 2016).
  const scale = chooseScale(months.map((m) => m.models));
  const reply: Reply = {
    text,
    chart: months.length
      ? cardsSpec({
          months: months.map((m) => ({ ...m, ratio: m.models ? m.withCard / m.models : null })),
          scale: scale.type,
          subtitle: [
            msg.mining.refreshSubtitle(now().toISOString().slice(0, 10)),
            ...(scale.type === 'log' ? [msg.mining.refreshLogScale(scale.min ?? 0, scale.max ?? 0)] : []),
          ],
          datasetVersion: derived.version,
          source: msg.mining.minedSource,
        })
      : null,
    ...(months.length
      ? {
          chartName: { file: 'refresh-cards.png', title: msg.mining.refreshChartTitle },
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
        msg.mining.forumSource(o.forumUrl ?? config.HFBOT_FORUM_URL),
        msg.mining.hubSource(o.hubUrl ?? config.HFBOT_HUB_URL),
      ],
      window: after.window,
      n: after.topics,
    },
  };
  return { reply, forum, hub, mentions, derived, failures };
}
