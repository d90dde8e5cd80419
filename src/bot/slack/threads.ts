/**
 * A Reply with a keyed thread (a rater's thread of a coding round) on Slack: one thread per key
 * and channel, opened once by a neutral head message and a first reply (chat.postMessage; the
 * chat.postEphemeral docs: "Ephemeral messages in threads are only shown if there is already an
 * active thread") and remembered, so every later topic goes to the same thread. A private reply
 * is posted there with chat.postEphemeral (thread_ts): only the rater sees it, and what they
 * choose in it replaces it through the interaction's response_url (ephemeral messages cannot be
 * edited with chat.update; api.slack.com/messaging/modifying).
 * Slash commands cannot be typed inside threads (api.slack.com/interactivity/slash-commands), so
 * the command's own answer is a short private pointer to the thread.
 */
import type { webApi } from '@slack/bolt';
import type { Reply } from '../../reply.js';
import { findThread, saveThread } from '../../data/coding/threads.js';
import { msg } from '../../messages/index.js';
import type { SlackDeliverDeps, SlackTarget } from './types.js';
import { esc, fallbackText, replyBlocks } from './blocks.js';

/** thread_ts of the key's thread in the target channel, posting its head message the first time. */
async function threadTs(
  client: webApi.WebClient,
  thread: NonNullable<Reply['thread']> & { key: string },
  target: SlackTarget,
  deps: SlackDeliverDeps,
): Promise<string> {
  const { db } = deps.services;
  const known = findThread(db, `slack:${thread.key}`, target.channel);
  if (known) return known.threadId;
  const head = await client.chat.postMessage({
    channel: target.channel,
    text: msg.platforms.slackThreadHead(esc(thread.title), target.user ?? ''),
  });
  const ts = String(head.ts);
  await client.chat.postMessage({ channel: target.channel, thread_ts: ts, text: msg.platforms.slackThreadIntro });
  saveThread(db, `slack:${thread.key}`, target.channel, { threadId: ts, private: false }, new Date().toISOString());
  return ts;
}

/** Posts `reply` into its keyed thread; false when Slack refused (the caller answers privately). */
export async function deliverInThread(
  client: webApi.WebClient,
  reply: Reply & { thread: NonNullable<Reply['thread']> & { key: string } },
  target: SlackTarget,
  deps: SlackDeliverDeps,
): Promise<boolean> {
  const log = deps.services.logger;
  const text = fallbackText(reply);
  try {
    const ts = await threadTs(client, reply.thread, target, deps);
    // No file goes with a thread post (postEphemeral cannot carry one): rows left out are said so.
    const blocks = replyBlocks(reply, deps.store, { raw: target.raw ?? '', canAttach: false });
    const body = { channel: target.channel, thread_ts: ts, text, blocks };
    if (reply.thread.private && target.user) await client.chat.postEphemeral({ ...body, user: target.user });
    else await client.chat.postMessage(body);
    await target.respond?.({
      response_type: 'ephemeral',
      replace_original: false,
      text: msg.platforms.slackInThread(reply.thread.title),
    });
    return true;
  } catch (err) {
    log.warn('slack: could not post in the thread; answering privately', { err, channel: target.channel });
    return false;
  }
}
