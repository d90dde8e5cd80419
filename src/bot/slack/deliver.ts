/**
 * Reply -> Slack calls: Block Kit via chat.postMessage, the chart and files via files.uploadV2,
 * errors and private replies via respond() (the response_url) so only the caller sees them.
 * If the channel rejects the bot (not invited), the answer still reaches the user privately.
 */
import type { webApi } from '@slack/bolt';
import type { Reply } from '../../reply.js';
import { msg } from '../../messages/index.js';
import { replyAttachments } from '../reply-attachments.js';
import { slackMessage } from './blocks.js';
import type { SlackDeliverDeps, SlackTarget } from './types.js';
import { deliverInThread } from './threads.js';
import { updateOrigin } from './update.js';

export type { SlackDeliverDeps, SlackOrigin, SlackTarget } from './types.js';

export interface Delivered {
  ts?: string;
  channel: string;
  threadTs?: string;
  files: string[];
  ephemeral: boolean;
}

export async function deliverSlack(
  client: webApi.WebClient,
  reply: Reply,
  target: SlackTarget,
  deps: SlackDeliverDeps,
): Promise<Delivered> {
  const log = deps.services.logger;
  const raw = target.raw ?? '';
  // A select or button: its answer takes the place of the message it came from (update.ts).
  if (target.origin && target.respond && (await updateOrigin(client, reply, target, deps)))
    return { channel: target.channel, files: [], ephemeral: true };
  const thread = reply.thread;
  if (
    !reply.error &&
    thread?.key &&
    (await deliverInThread(client, { ...reply, thread: { ...thread, key: thread.key } }, target, deps))
  )
    return { channel: target.channel, files: [], ephemeral: Boolean(thread.private) };
  if ((reply.ephemeral || reply.error || reply.thread?.private) && target.respond) {
    // response_url messages carry no files: the answer says so where it had to leave rows out.
    const m = slackMessage(reply, deps.store, { raw, canAttach: false });
    await target.respond({ response_type: 'ephemeral', replace_original: false, text: m.text, blocks: m.blocks });
    return { channel: target.channel, files: [], ephemeral: true };
  }
  const { files, chartFailed, chartNote } = await replyAttachments(reply, deps.services, deps.renderPng, {
    ...(target.owner ? { owner: target.owner } : {}),
    raw,
  });
  const m = slackMessage(reply, deps.store, {
    raw,
    ...(chartFailed ? { note: chartNote ?? msg.platforms.chartUnavailable } : {}),
  });
  if (m.textFile) files.push(m.textFile);
  let threadTs = target.threadTs;
  let ts: string | undefined;
  try {
    if (reply.thread) {
      const head = await client.chat.postMessage({
        channel: target.channel,
        text: msg.platforms.threadStarted(reply.thread.title),
        ...(threadTs ? { thread_ts: threadTs } : {}),
      });
      threadTs = threadTs ?? head.ts;
    }
    const posted = await client.chat.postMessage({
      channel: target.channel,
      text: m.text,
      blocks: m.blocks,
      ...(threadTs ? { thread_ts: threadTs } : {}),
    });
    ts = posted.ts;
  } catch (err) {
    if (!target.respond) throw err;
    log.warn('chat.postMessage failed; answering through response_url', { err, channel: target.channel });
    const p = slackMessage(reply, deps.store, { raw, canAttach: false, note: msg.platforms.slackNotInChannel });
    await target.respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: `${msg.platforms.deliveryFailed}\n${p.text}`,
      blocks: p.blocks,
    });
    return { channel: target.channel, files: [], ephemeral: true };
  }
  const uploaded: string[] = [];
  for (const f of files) {
    try {
      const args = {
        channel_id: target.channel,
        file: f.data,
        filename: f.name,
        // files.uploadV2 `title` (Slack API: files.getUploadURLExternal / completeUploadExternal): the
        // chart's "/trend llama: forum mentions vs Hub uploads", else the file's name.
        title: f.title ?? f.name,
        ...(threadTs ? { thread_ts: threadTs } : {}),
      };
      await client.files.uploadV2(args as webApi.FilesUploadV2Arguments);
      uploaded.push(f.name);
    } catch (err) {
      // The text already went out; a missing file is logged, not fatal.
      log.error('files.uploadV2 failed', { err, file: f.name, channel: target.channel });
    }
  }
  return {
    ...(ts ? { ts } : {}),
    channel: target.channel,
    ...(threadTs ? { threadTs } : {}),
    files: uploaded,
    ephemeral: false,
  };
}
