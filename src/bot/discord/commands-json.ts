/**
 * Command definitions -> Discord application commands (slash commands). 'code label' becomes
 * subcommand 'label' of /code. Limits from Discord's docs: names 1-32 lowercase, descriptions
 * 1-100, at most 25 choices and 25 options, required options before optional ones.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOption,
  type RESTPutAPIApplicationCommandsJSONBody,
} from 'discord.js';
import type { Command, CommandDefinition, OptionKind, OptionSpec } from '../../commands/types.js';
import { HfbotError } from '../../errors.js';

const TYPE: Record<OptionKind, ApplicationCommandOptionType> = {
  string: ApplicationCommandOptionType.String,
  integer: ApplicationCommandOptionType.Integer,
  number: ApplicationCommandOptionType.Number,
  boolean: ApplicationCommandOptionType.Boolean,
  month: ApplicationCommandOptionType.String,
  model: ApplicationCommandOptionType.String,
  theme: ApplicationCommandOptionType.String,
  // One person: Discord's user picker (USER, 6); the value is an id, resolved.users has the user.
  user: ApplicationCommandOptionType.User,
  // Several people: free text with <@id> mentions (Discord has no multi-user option).
  users: ApplicationCommandOptionType.String,
};

const desc = (s: string) => (s.length <= 100 ? s : `${s.slice(0, 99)}…`) || '-';
export const discordName = (s: string) => s.toLowerCase().slice(0, 32);

function optionJson(name: string, o: OptionSpec): APIApplicationCommandBasicOption {
  const type = TYPE[o.kind];
  const base = { name: discordName(name), description: desc(o.description), required: o.required };
  const isNum = type === ApplicationCommandOptionType.Integer || type === ApplicationCommandOptionType.Number;
  const range = isNum
    ? {
        ...(o.min !== undefined && Number.isFinite(o.min) ? { min_value: o.min } : {}),
        ...(o.max !== undefined && Number.isFinite(o.max) ? { max_value: o.max } : {}),
      }
    : {};
  if (type === ApplicationCommandOptionType.String) {
    // Discord allows either fixed choices (at most 25) or autocomplete, not both.
    if (o.choices && o.choices.length <= 25)
      return { ...base, type, choices: o.choices.map((c) => ({ name: c, value: c })) };
    if (o.choices || o.autocomplete) return { ...base, type, autocomplete: true };
    return { ...base, type };
  }
  if (type === ApplicationCommandOptionType.Integer) return { ...base, type, ...range };
  if (type === ApplicationCommandOptionType.Number) return { ...base, type, ...range };
  if (type === ApplicationCommandOptionType.User) return { ...base, type };
  return { ...base, type: ApplicationCommandOptionType.Boolean };
}

export function optionsJson(def: CommandDefinition): APIApplicationCommandBasicOption[] {
  const all = Object.entries(def.options).map(([n, o]) => optionJson(n, o));
  if (all.length > 25) throw new HfbotError('E_CONFIG', `/${def.name} has ${all.length} options; Discord allows 25.`);
  return [...all.filter((o) => o.required), ...all.filter((o) => !o.required)];
}

/** The JSON body of PUT /applications/{id}/commands. */
export function discordCommands(commands: readonly Command[]): RESTPutAPIApplicationCommandsJSONBody {
  const groups = new Map<
    string,
    { description: string; subs: APIApplicationCommandOption[] } | { single: CommandDefinition }
  >();
  for (const { definition: def } of commands) {
    const words = def.name.split(' ');
    if (words.length > 2)
      throw new HfbotError('E_CONFIG', `Command "${def.name}": Discord supports one level of subcommands here.`);
    const top = discordName(words[0]!);
    const existing = groups.get(top);
    if (words.length === 1) {
      if (existing)
        throw new HfbotError(
          'E_CONFIG',
          `Command /${top} is both a command and a group of subcommands; Discord needs one or the other.`,
        );
      groups.set(top, { single: def });
      continue;
    }
    if (existing && 'single' in existing)
      throw new HfbotError(
        'E_CONFIG',
        `Command /${top} is both a command and a group of subcommands; Discord needs one or the other.`,
      );
    const g = existing ?? { description: `/${top} commands`, subs: [] };
    g.subs.push({
      type: ApplicationCommandOptionType.Subcommand,
      name: discordName(words[1]!),
      description: desc(def.description),
      options: optionsJson(def),
    });
    groups.set(top, g);
  }
  return [...groups.entries()].map(([name, g]) =>
    'single' in g
      ? {
          type: ApplicationCommandType.ChatInput,
          name,
          description: desc(g.single.description),
          options: optionsJson(g.single),
        }
      : { type: ApplicationCommandType.ChatInput, name, description: desc(g.description), options: g.subs },
  );
}

/** The definition behind an interaction: `/code label` arrives as name 'code', subcommand 'label'. */
export function findDiscordCommand(
  commands: readonly Command[],
  name: string,
  sub: string | null,
): Command | undefined {
  const wanted = sub ? `${name} ${sub}` : name;
  return commands.find((c) => c.definition.name.split(' ').map(discordName).join(' ') === wanted);
}

/** Discord option name -> definition key (Discord lowercases names). */
export function optionKey(def: CommandDefinition, discordOption: string): string | undefined {
  return Object.keys(def.options).find((k) => discordName(k) === discordOption);
}
