/**
 * The answer to a select or a button takes the place of the message it came from, so used
 * controls disappear instead of piling up (api.slack.com/messaging/modifying):
 * - through the interaction's response_url with replace_original: true, which works for
 *   ephemeral messages too (usable 5 times within 30 minutes; each click brings a fresh one);
 * - a public message whose answer is private (a rater's label) loses its controls for everyone
 *   with chat.update, and the answer goes to the rater alone (response_url, ephemeral), so a
 *   label never shows in the channel;
 * - an error leaves the message as it was (the controls stay usable) and is told privately;
 * - an answer with files (a chart, a table's CSV) cannot ride on a response_url: the controls
 *   leave the original and the answer is posted as a new message (returns false).
 */
import type { webApi } from '@slack/bolt';
import type { Reply } from '../../reply.js';
import { fallbackText, replyBlocks } from './blocks.js';
import type { SlackDeliverDeps, SlackTarget } from './types.js';

async function stripControls(client: webApi.WebClient, target: SlackTarget, deps: SlackDeliverDeps): Promise<void> {
  const o = target.origin;
  if (!o?.ts || o.ephemeral || !o.blocks) return;
  try {
    await client.chat.update({
      channel: target.channel,
      ts: o.ts,
      text: o.text || ' ',
      blocks: o.blocks.filter((b) => (b as { type?: string }).type !== 'actions') as never,
    });
  } catch (err) {
    deps.services.logger.warn('slack: chat.update could not remove used controls', { err, channel: target.channel });
  }
}

/** true when the answer was delivered here. */
export async function updateOrigin(
  client: webApi.WebClient,
  reply: Reply,
  target: SlackTarget,
  deps: SlackDeliverDeps,
): Promise<boolean> {
  const respond = target.respond!;
  const origin = target.origin!;
  const text = fallbackText(reply);
  // A response_url carries no files: where rows are left out, the answer says so.
  const blocks = replyBlocks(reply, deps.store, { raw: target.raw ?? '', canAttach: false });
  if (reply.error) {
    await respond({ response_type: 'ephemeral', replace_original: false, text, blocks });
    return true;
  }
  // A table goes with its CSV (issue 13 item 1), which a response_url cannot carry either.
  if (reply.chart || reply.files?.length || reply.table?.rows.length) {
    await stripControls(client, target, deps);
    return false;
  }
  const privateAnswer = Boolean(reply.ephemeral || reply.thread?.private);
  if (origin.ephemeral || !privateAnswer) {
    await respond({ replace_original: true, text, blocks });
    return true;
  }
  await stripControls(client, target, deps);
  await respond({ response_type: 'ephemeral', replace_original: false, text, blocks });
  return true;
}
