/**
 * Discord interactions -> the command core. Slash commands are validated (cheap, synchronous),
 * then deferred before anything slow, so Discord's 3 s deadline is always met. Autocomplete
 * draws on the shared completions; selects and buttons run their command as the clicking user.
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
import type { Command, CommandContext, Reply } from '../../commands/types.js';
import { errorReply, runCommandArgs, runCommandText } from '../../commands/run.js';
import { validateArgs } from '../../commands/parse.js';
import { HfbotError, isHfbotError } from '../../errors.js';
import { msg } from '../../messages/index.js';
import { complete } from '../../data/queries/completions.js';
import { fillTemplate } from '../action-store.js';
import type { RateLimiter } from '../rate-limit.js';
import { findDiscordCommand, optionKey } from './commands-json.js';
import { CUSTOM_ID_PREFIX, discordPayload } from './reply-message.js';
import { answerDeferred, type Answerable, type DeliverDeps } from './deliver.js';

export interface DiscordHandlerDeps extends DeliverDeps {
  commands: readonly Command[];
  limiter: RateLimiter;
}

const userOf = (i: BaseInteraction) => ({ id: i.user.id, name: i.user.username, platform: 'discord' as const });

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
): { raw: Record<string, unknown>; text: string } {
  const leaf = data[0]?.type === ApplicationCommandOptionType.Subcommand ? (data[0].options ?? []) : data;
  const raw: Record<string, unknown> = {};
  for (const o of leaf) raw[optionKey(def, o.name) ?? o.name] = o.value;
  const text = Object.entries(raw)
    .map(([k, v]) => `${k}:${String(v)}`)
    .join(' ');
  return { raw, text: `/${def.name}${text ? ` ${text}` : ''}` };
}

async function chatInput(i: ChatInputCommandInteraction, deps: DiscordHandlerDeps): Promise<void> {
  const command = findDiscordCommand(deps.commands, i.commandName, i.options.getSubcommand(false));
  if (!command) {
    const known = [...new Set(deps.commands.map((c) => c.definition.name.split(' ')[0]!))];
    return replyNow(
      i,
      errorReply(
        new HfbotError('E_UNKNOWN_COMMAND', msg.core.unknownCommand(i.commandName, known), {
          hint: 'Run hfbot deploy-commands to refresh the slash commands.',
        }),
      ),
      deps,
    );
  }
  const { raw, text } = optionValues(command.definition, i.options.data);
  const rate = deps.limiter.check(`discord:${i.user.id}`);
  if (!rate.ok) return replyNow(i, errorReply(new HfbotError('E_RATE_LIMITED', rate.message)), deps);
  try {
    validateArgs(command.definition, raw);
  } catch (err) {
    if (!isHfbotError(err)) throw err;
    deps.services.logger.info('command rejected', { raw: text, user: i.user.id, code: err.code });
    return replyNow(i, errorReply(err), deps);
  }
  await i.deferReply();
  // Other interactions' deferReply calls go out before this command's synchronous work.
  await new Promise((r) => setImmediate(r));
  const reply = await runCommandArgs(
    command,
    raw,
    { user: userOf(i), services: deps.services, channel: channelOf(i) },
    text,
  );
  await answerDeferred(i, reply, deps);
}

async function componentClick(i: MessageComponentInteraction, deps: DiscordHandlerDeps): Promise<void> {
  const template = deps.store.decode(i.customId.slice(CUSTOM_ID_PREFIX.length));
  if (!template) return replyNow(i, errorReply(new HfbotError('E_NOT_FOUND', msg.platforms.actionExpired)), deps);
  const rate = deps.limiter.check(`discord:${i.user.id}`);
  if (!rate.ok) return replyNow(i, errorReply(new HfbotError('E_RATE_LIMITED', rate.message)), deps);
  const value = i.isStringSelectMenu() ? (i.values[0] ?? '') : '';
  await i.deferReply();
  await new Promise((r) => setImmediate(r));
  const reply = await runCommandText(
    fillTemplate(template, value),
    { user: userOf(i), services: deps.services, channel: channelOf(i) },
    deps.commands,
  );
  await answerDeferred(i, reply, deps);
}

async function autocomplete(i: AutocompleteInteraction, deps: DiscordHandlerDeps): Promise<void> {
  const command = findDiscordCommand(deps.commands, i.commandName, i.options.getSubcommand(false));
  const focused = i.options.getFocused(true);
  const key = command ? optionKey(command.definition, focused.name) : undefined;
  const spec = key ? command!.definition.options[key] : undefined;
  const q = String(focused.value ?? '');
  let choices: { label: string; value: string }[] = [];
  if (spec?.autocomplete === 'model' || spec?.autocomplete === 'theme')
    choices = complete(deps.services.db, spec.autocomplete, q, 25);
  else if (spec?.autocomplete === 'command')
    choices = deps.commands
      .map((c) => ({ label: c.definition.name, value: c.definition.name }))
      .filter((c) => c.value.includes(q.toLowerCase()));
  else if (spec?.choices)
    choices = spec.choices.filter((c) => c.includes(q.toLowerCase())).map((c) => ({ label: c, value: c }));
  await i.respond(choices.slice(0, 25).map((c) => ({ name: c.label.slice(0, 100), value: c.value.slice(0, 100) })));
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
