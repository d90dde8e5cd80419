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
import { replyAttachments, type RenderPng } from '../reply-attachments.js';
import { discordPayload, type DiscordPayload } from './reply-message.js';

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

export async function answerDeferred(i: Answerable, reply: Reply, deps: DeliverDeps): Promise<void> {
  if (reply.error || reply.ephemeral) {
    const p = discordPayload(reply, [], deps.store);
    await i
      .deleteReply()
      .catch((err: unknown) => deps.services.logger.warn('discord: could not delete the deferred reply', { err }));
    await i.followUp({ content: p.content ?? reply.text, components: p.components, flags: MessageFlags.Ephemeral });
    return;
  }
  const { files, chartFailed, chartNote } = await replyAttachments(
    reply,
    deps.services,
    deps.renderPng,
    `discord:${i.user.id}`,
  );
  const payload = discordPayload(reply, files, deps.store, { chartFailed, ...(chartNote ? { chartNote } : {}) });
  if (reply.thread && i.inGuild() && !i.channel?.isThread()) {
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
