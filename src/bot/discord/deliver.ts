/**
 * Sends a Reply as the answer to a deferred interaction: editReply for public answers, a
 * thread started on the answer when the Reply asks for one, and delete + ephemeral follow-up
 * for errors (a deferred public reply cannot turn private).
 */
import {
  MessageFlags,
  Routes,
  type ChatInputCommandInteraction,
  type MessageComponentInteraction,
  type REST,
} from 'discord.js';
import type { Reply } from '../../reply.js';
import type { Services } from '../../services.js';
import { msg } from '../../messages/index.js';
import type { ActionStore } from '../action-store.js';
import { replyAttachments, tableCsv, type RenderPng } from '../reply-attachments.js';
import { discordPayload, type DiscordPayload } from './reply-message.js';
import { threadKey } from '../../data/coding/threads.js';
import { postInPrivateThread } from './threads.js';

export type Answerable = ChatInputCommandInteraction | MessageComponentInteraction;

export interface DeliverDeps {
  services: Services;
  store: ActionStore;
  renderPng?: RenderPng;
}

/** Posts through REST, so it works for channels and threads that discord.js has not cached. */
export async function postToChannel(rest: REST, channelId: string, p: DiscordPayload): Promise<{ id: string }> {
  const files = p.files.map((f) => ({ name: f.name, data: f.attachment }));
  const body = {
    ...(p.content ? { content: p.content } : {}),
    embeds: p.embeds,
    components: p.components,
    ...(files.length
      ? {
          attachments: p.files.map((f, id) => ({
            id,
            filename: f.name,
            ...(f.description ? { description: f.description } : {}),
          })),
        }
      : {}),
  };
  return (await rest.post(Routes.channelMessages(channelId), { body, ...(files.length ? { files } : {}) })) as {
    id: string;
  };
}

/**
 * A keyed thread (a rater's private thread of a round, threads.ts): typed inside that thread, the
 * answer stays where it was asked; elsewhere it goes to the thread and the caller gets a private
 * pointer. false: answer in place (a DM, or the thread could not be opened; logged).
 */
async function answerInKeyedThread(
  i: Answerable,
  reply: Reply,
  payload: DiscordPayload,
  deps: DeliverDeps,
): Promise<boolean> {
  const t = reply.thread!;
  const { db, logger } = deps.services;
  if (!i.inGuild() || !i.channelId || threadKey(db, i.channelId) === `discord:${t.key}`) return false;
  try {
    const id = await postInPrivateThread(
      i.client.rest,
      db,
      { key: t.key!, channelId: i.channelId, title: t.title, user: i.user.id },
      (threadId) => postToChannel(i.client.rest, threadId, payload),
    );
    await i.deleteReply().catch((err: unknown) => logger.warn('discord: could not delete the deferred reply', { err }));
    await i.followUp({ content: msg.platforms.discordInThread(id), flags: MessageFlags.Ephemeral });
    return true;
  } catch (err) {
    logger.warn('discord: could not use the private thread; answering privately here', { err, channel: i.channelId });
    if (!t.private) return false;
    await i.deleteReply().catch(() => undefined);
    await i.followUp({ ...payload, flags: MessageFlags.Ephemeral });
    return true;
  }
}

/** `raw` is the command as typed; it names the attached files. */
export async function answerDeferred(i: Answerable, reply: Reply, deps: DeliverDeps, raw = ''): Promise<void> {
  if (reply.error || reply.ephemeral) {
    // A private answer carries its table's CSV too (ephemeral follow-ups may have attachments).
    const csv = reply.error ? null : tableCsv(reply, raw);
    const p = discordPayload(reply, csv ? [csv] : [], deps.store, { raw });
    await i
      .deleteReply()
      .catch((err: unknown) => deps.services.logger.warn('discord: could not delete the deferred reply', { err }));
    await i.followUp({
      content: p.content ?? reply.text,
      components: p.components,
      ...(p.files.length ? { files: p.files } : {}),
      flags: MessageFlags.Ephemeral,
    });
    return;
  }
  const { files, chartFailed, chartNote } = await replyAttachments(reply, deps.services, deps.renderPng, {
    owner: `discord:${i.user.id}`,
    raw,
  });
  const payload = discordPayload(reply, files, deps.store, {
    chartFailed,
    raw,
    ...(chartNote ? { chartNote } : {}),
  });
  if (reply.thread?.key && (await answerInKeyedThread(i, reply, payload, deps))) return;
  if (reply.thread && !reply.thread.key && i.inGuild() && !i.channel?.isThread()) {
    const head = await i.editReply({
      content: msg.platforms.threadStarted(reply.thread.title),
      embeds: [],
      components: [],
    });
    const thread = (await i.client.rest.post(Routes.threads(head.channelId, head.id), {
      body: { name: reply.thread.title.slice(0, 100), auto_archive_duration: 1440 },
    })) as { id: string };
    await postToChannel(i.client.rest, thread.id, payload);
    return;
  }
  await i.editReply({
    ...(payload.content ? { content: payload.content } : {}),
    embeds: payload.embeds,
    files: payload.files,
    components: payload.components,
  });
}
