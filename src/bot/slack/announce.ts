/** Announcements on Slack through the Web API (chat.postMessage, files.uploadV2). */
import { webApi } from '@slack/bolt';
import type { Announcer } from '../../jobs/announce.js';
import type { Services } from '../../services.js';
import { createActionStore } from '../action-store.js';
import { ANNOUNCE_NAME, type RenderPng } from '../reply-attachments.js';
import { deliverSlack } from './deliver.js';

export function slackAnnouncer(services: Services, render: RenderPng): Announcer {
  const c = services.config;
  return {
    platform: 'slack',
    target: () =>
      !c.SLACK_BOT_TOKEN
        ? { skip: 'SLACK_BOT_TOKEN is not set' }
        : !c.SLACK_ANNOUNCE_CHANNEL
          ? { skip: 'SLACK_ANNOUNCE_CHANNEL is not set' }
          : { channel: c.SLACK_ANNOUNCE_CHANNEL },
    async post(reply, channel) {
      const client = new webApi.WebClient(c.SLACK_BOT_TOKEN, {
        slackApiUrl: c.SLACK_API_URL,
        retryConfig: { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 1000 },
        timeout: 10_000,
      });
      const d = await deliverSlack(
        client,
        reply,
        { channel, raw: ANNOUNCE_NAME },
        { services, store: createActionStore(), renderPng: render },
      );
      return { id: d.ts ?? null, files: d.files };
    },
  };
}
