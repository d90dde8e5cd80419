/**
 * The announcement job (src/jobs/announce.ts) with this bot's platforms: Discord and Slack,
 * sharing one rendering of the chart.
 */
import { announce as announceJob, type AnnounceResult } from '../jobs/announce.js';
import type { Reply } from '../reply.js';
import type { Services } from '../services.js';
import { discordAnnouncer } from './discord/announce.js';
import { renderOnce, type RenderPng } from './reply-attachments.js';
import { slackAnnouncer } from './slack/announce.js';

export type { AnnounceResult } from '../jobs/announce.js';

export interface AnnounceOptions {
  renderPng?: RenderPng;
}

/** Never throws: `hfbot refresh` must finish even when a chat platform is down. */
export function announce(reply: Reply, services: Services, opts: AnnounceOptions = {}): Promise<AnnounceResult[]> {
  const render = renderOnce(opts.renderPng);
  return announceJob(reply, [discordAnnouncer(services, render), slackAnnouncer(services, render)], services.logger);
}
