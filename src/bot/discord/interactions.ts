/**
 * Discord interactions -> the command pipeline. `prepare` (rate limit, validation) is cheap and
 * synchronous: a refusal is answered privately at once; anything else is deferred before the
 * command runs, so Discord's 3 s deadline is always met. Autocomplete uses the core's
 * completion; selects and buttons run their command as the clicking user.
 */
import {
  ApplicationCommandOptionType,
  MessageFlags,
  type AutocompleteInteraction,
  type BaseInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  type Interaction,
  type MessageComponentInteraction,
} from 'discord.js';
import type { Command, CommandContext } from '../../commands/types.js';
import type { Reply } from '../../reply.js';
import { errorReply } from '../../commands/handle-error.js';
import type { Pipeline, Prepared } from '../../commands/pipeline.js';
import { completeOption } from '../../commands/complete.js';
import { HfbotError } from '../../errors.js';
import { msg } from '../../messages/index.js';
import { fillTemplate } from '../action-store.js';
import { findDiscordCommand, optionKey } from './commands-json.js';
import { CUSTOM_ID_PREFIX, discordPayload } from './reply-message.js';
import { answerDeferred, type Answerable, type DeliverDeps } from './deliver.js';
import { answerComponent } from './update.js';
import { discordDirectory } from './directory.js';
import { withKnownNames, type DirectoryUser } from '../../commands/directory.js';

export interface DiscordHandlerDeps extends DeliverDeps {
  pipeline: Pipeline;
}

/** The name people see in this server: nickname, else display name, else username. */
function userOf(i: BaseInteraction) {
  const m = i.member as { nick?: string | null; nickname?: string | null } | null;
  const name = m?.nickname ?? m?.nick ?? i.user.globalName ?? i.user.username;
  return { id: i.user.id, name, platform: 'discord' as const };
}

/**
 * USER options arrive as an id with the user (and member) in `resolved`; they become <@id>
 * mentions for the core, and their names are handed to the directory so no lookup is needed.
 */
function knownUser(o: CommandInteractionOption): DirectoryUser | null {
  if (o.type !== ApplicationCommandOptionType.User || !o.user) return null;
  const m = o.member as { nick?: string | null; nickname?: string | null } | null | undefined;
  return {
    id: o.user.id,
    name: m?.nickname ?? m?.nick ?? o.user.globalName ?? o.user.username,
    aka: [`@${o.user.username}`, o.user.id],
    ...(o.user.bot ? { bot: true } : {}),
  };
}

function channelOf(i: BaseInteraction): CommandContext['channel'] {
  if (!i.channelId) return undefined;
  const ch = i.channel;
  if (ch?.isThread() && ch.parentId) return { id: ch.parentId, threadId: ch.id };
  return { id: i.channelId };
}

/** An immediate private answer (bad input, rate limit): no defer needed, it is instant. */
async function replyNow(i: Answerable, reply: Reply, deps: DiscordHandlerDeps): Promise<void> {
  const p = discordPayload(reply, [], deps.store);
  await i.reply({ content: p.content ?? reply.text, flags: MessageFlags.Ephemeral });
}

function optionValues(
  def: Command['definition'],
  data: readonly CommandInteractionOption[],
): { raw: Record<string, unknown>; text: string; known: Map<string, DirectoryUser> } {
  const leaf = data[0]?.type === ApplicationCommandOptionType.Subcommand ? (data[0].options ?? []) : data;
  const raw: Record<string, unknown> = {};
  const known = new Map<string, DirectoryUser>();
  for (const o of leaf) {
    const user = knownUser(o);
    if (user) known.set(user.id, user);
    raw[optionKey(def, o.name) ?? o.name] = o.type === ApplicationCommandOptionType.User ? `<@${o.value}>` : o.value;
  }
  // The chat form of the same command (positional options bare): logs, and the attached files' names.
  const text = Object.entries(raw)
    .map(([k, v]) => {
      const s = String(v);
      return def.options[k]?.positional && !/\s/.test(s) ? s : `${k}:${/\s/.test(s) ? JSON.stringify(s) : s}`;
    })
    .join(' ');
  return { raw, text: `/${def.name}${text ? ` ${text}` : ''}`, known };
}

/** A refusal is answered privately at once; anything else is deferred, then run and delivered. */
async function answer(i: Answerable, p: Prepared, deps: DiscordHandlerDeps, raw: string): Promise<void> {
  if (!p.ok) return replyNow(i, p.reply, deps);
  await i.deferReply();
  await answerDeferred(i, await p.run(), deps, raw);
}

async function chatInput(i: ChatInputCommandInteraction, deps: DiscordHandlerDeps): Promise<void> {
  const commands = deps.pipeline.commands;
  const command = findDiscordCommand(commands, i.commandName, i.options.getSubcommand(false));
  if (!command) {
    const known = [...new Set(commands.map((c) => c.definition.name.split(' ')[0]!))];
    return replyNow(
      i,
      errorReply(
        new HfbotError('E_UNKNOWN_COMMAND', msg.core.unknownCommand(i.commandName, known), {
          hint: msg.platforms.redeployHint,
        }),
      ),
      deps,
    );
  }
  const { raw, text, known } = optionValues(command.definition, i.options.data);
  const directory = withKnownNames(discordDirectory(i.client.rest, i.guildId), known);
  await answer(
    i,
    deps.pipeline.prepare({ command, args: raw, raw: text }, { user: userOf(i), channel: channelOf(i), directory }),
    deps,
    text,
  );
}

async function componentClick(i: MessageComponentInteraction, deps: DiscordHandlerDeps): Promise<void> {
  const template = deps.store.decode(i.customId.slice(CUSTOM_ID_PREFIX.length));
  if (!template) return replyNow(i, errorReply(new HfbotError('E_NOT_FOUND', msg.platforms.actionExpired)), deps);
  const value = i.isStringSelectMenu() ? (i.values[0] ?? '') : '';
  const text = fillTemplate(template, value);
  const directory = discordDirectory(i.client.rest, i.guildId);
  await answerComponent(
    i,
    deps.pipeline.prepare({ text }, { user: userOf(i), channel: channelOf(i), directory }),
    deps,
    text,
  );
}

async function autocomplete(i: AutocompleteInteraction, deps: DiscordHandlerDeps): Promise<void> {
  const commands = deps.pipeline.commands;
  const command = findDiscordCommand(commands, i.commandName, i.options.getSubcommand(false));
  const focused = i.options.getFocused(true);
  const key = command ? optionKey(command.definition, focused.name) : undefined;
  const spec = key ? command!.definition.options[key] : undefined;
  const choices = spec ? completeOption(spec, String(focused.value ?? ''), { db: deps.services.db, commands }, 25) : [];
  await i.respond(choices.map((c) => ({ name: c.label.slice(0, 100), value: c.value.slice(0, 100) })));
}

/** Handles one interaction; never throws, and tries to tell the user when something broke. */
export async function handleInteraction(i: Interaction, deps: DiscordHandlerDeps): Promise<void> {
  const log = deps.services.logger;
  const started = performance.now();
  try {
    if (i.isAutocomplete()) return await autocomplete(i, deps);
    if (i.isChatInputCommand()) await chatInput(i, deps);
    else if ((i.isStringSelectMenu() || i.isButton()) && i.customId.startsWith(CUSTOM_ID_PREFIX))
      await componentClick(i, deps);
    else return;
    log.debug('discord answered', { user: i.user.id, ms: Math.round(performance.now() - started) });
  } catch (err) {
    log.error('discord interaction failed', { err, user: i.user.id });
    if (!i.isRepliable()) return;
    try {
      if (i.deferred || i.replied) await i.followUp({ content: msg.core.internal, flags: MessageFlags.Ephemeral });
      else await i.reply({ content: msg.core.internal, flags: MessageFlags.Ephemeral });
    } catch (err2) {
      log.error('discord could not tell the user about the failure', { err: err2 });
    }
  }
}
