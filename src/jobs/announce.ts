/**
 * Posts a Reply (an announcement: text and chart) to every chat platform that has an
 * announcement channel. Each platform is skipped with a log line when not configured, and a
 * failure on one never stops the others or the caller: `hfbot refresh` must finish even when a
 * chat platform is down. How to post is the adapters' business (src/bot/announce.ts).
 */
import type { Logger } from '../logger.js';
import type { Reply } from '../reply.js';

type Platform = 'discord' | 'slack';

export type AnnounceResult =
  | { platform: Platform; status: 'posted'; channel: string; id: string | null; files: string[] }
  | { platform: Platform; status: 'skipped'; reason: string }
  | { platform: Platform; status: 'failed'; channel: string; error: string };

/** One platform's way to post. */
export interface Announcer {
  platform: Platform;
  /** The channel to post to, or why this platform cannot (not configured). */
  target(): { channel: string } | { skip: string };
  post(reply: Reply, channel: string): Promise<{ id: string | null; files: string[] }>;
}

async function announceOn(a: Announcer, reply: Reply, logger: Logger): Promise<AnnounceResult> {
  const t = a.target();
  if ('skip' in t) {
    logger.info(`announce: ${a.platform} skipped (${t.skip})`);
    return { platform: a.platform, status: 'skipped', reason: t.skip };
  }
  try {
    const posted = await a.post(reply, t.channel);
    logger.info(`announce: posted to ${a.platform}`, { channel: t.channel, id: posted.id });
    return { platform: a.platform, status: 'posted', channel: t.channel, ...posted };
  } catch (err) {
    logger.error(`announce: ${a.platform} failed`, { err, channel: t.channel });
    return { platform: a.platform, status: 'failed', channel: t.channel, error: (err as Error).message };
  }
}

/** Never throws. Announcements are public: an ephemeral flag on the reply is dropped. */
export function announce(reply: Reply, announcers: readonly Announcer[], logger: Logger): Promise<AnnounceResult[]> {
  const r = { ...reply, ephemeral: false };
  return Promise.all(announcers.map((a) => announceOn(a, r, logger)));
}
