/**
 * The answer to a select or a button takes the place of the message it came from, so used
 * controls disappear (discord.com/developers/docs/interactions/receiving-and-responding):
 * - UPDATE_MESSAGE (callback type 7, interaction.update) within the 3 s deadline; a command that
 *   takes longer gets DEFERRED_UPDATE_MESSAGE (type 6, deferUpdate) first and then edits the
 *   message (PATCH .../messages/@original);
 * - a public message whose answer is private (a rater's label) only loses its controls, and the
 *   answer follows as an ephemeral message, so a label never shows in the channel; messages in
 *   a rater's private thread, ephemeral messages and DMs are private already and are replaced;
 * - a refusal or an error is told privately and leaves the message (and its controls) as it was.
 */
import { MessageFlags, type MessageComponentInteraction } from 'discord.js';
import type { Prepared } from '../../commands/pipeline.js';
import type { Reply } from '../../reply.js';
import { isPrivateThread } from '../../data/coding/threads.js';
import { replyAttachments } from '../reply-attachments.js';
import type { DeliverDeps } from './deliver.js';
import { discordPayload } from './reply-message.js';

/** Answer by UPDATE_MESSAGE if the command is done by then; Discord's deadline is 3 s. */
const UPDATE_WITHIN_MS = 2000;

const privateOrigin = (i: MessageComponentInteraction, deps: DeliverDeps) =>
  i.message.flags.has(MessageFlags.Ephemeral) ||
  !i.inGuild() ||
  Boolean(i.channelId && isPrivateThread(deps.services.db, i.channelId));

async function tellPrivately(i: MessageComponentInteraction, reply: Reply, deps: DeliverDeps, acked: boolean) {
  const p = discordPayload(reply, [], deps.store);
  const body = { content: p.content ?? reply.text, components: p.components, flags: MessageFlags.Ephemeral as const };
  await (acked ? i.followUp(body) : i.reply(body));
}

/** `raw` is the command the control ran; it names the attached files. */
export async function answerComponent(
  i: MessageComponentInteraction,
  p: Prepared,
  deps: DeliverDeps,
  raw = '',
): Promise<void> {
  if (!p.ok) return tellPrivately(i, p.reply, deps, false);
  const work = p.run();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), UPDATE_WITHIN_MS);
  });
  let reply = await Promise.race([work, late]);
  clearTimeout(timer);
  const deferred = reply === null;
  if (deferred) await i.deferUpdate();
  reply ??= await work;
  if (reply.error) return tellPrivately(i, reply, deps, deferred);

  const { files, chartFailed } = await replyAttachments(reply, deps.services, deps.renderPng, { raw });
  const payload = discordPayload(reply, files, deps.store, { chartFailed, raw });
  const edit = (body: Parameters<MessageComponentInteraction['update']>[0] & object) =>
    deferred ? i.editReply(body) : i.update(body);
  const privateAnswer = Boolean(reply.ephemeral || reply.thread?.private);
  if (privateOrigin(i, deps) || !privateAnswer) {
    await edit({
      content: payload.content ?? '',
      embeds: payload.embeds,
      components: payload.components,
      ...(payload.files.length ? { files: payload.files } : {}),
    });
    return;
  }
  await edit({ components: [] });
  await i.followUp({
    content: payload.content ?? reply.text,
    embeds: payload.embeds,
    components: payload.components,
    // The private answer keeps its files (its table's CSV); ephemeral follow-ups may carry them.
    ...(payload.files.length ? { files: payload.files } : {}),
    flags: MessageFlags.Ephemeral,
  });
}
