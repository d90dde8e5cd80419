/**
 * Chat form -> validated arguments: "/trend llama from:2021-01 to:2023-05".
 * Platforms with typed options (Discord) skip the text step and call validateArgs directly.
 */
import { HfbotError } from '../errors.js';
import { msg } from '../messages/index.js';
import { closest } from '../analysis/similarity.js';
import { tokenize } from './tokenize.js';
import type { Command, CommandDefinition } from './types.js';

export interface ParsedCommand {
  command: Command;
  args: Record<string, unknown>;
}

export function findCommand(words: string[], commands: readonly Command[]): { command: Command; used: number } {
  const names = commands.map((c) => c.definition.name);
  const first = (words[0] ?? '').toLowerCase();
  const second = (words[1] ?? '').toLowerCase();
  const two = commands.find((c) => c.definition.name === `${first} ${second}`);
  if (two) return { command: two, used: 2 };
  const one = commands.find((c) => c.definition.name === first);
  if (one) return { command: one, used: 1 };
  const sub = names.filter((n) => n.startsWith(`${first} `));
  if (sub.length) {
    const subs = sub.map((n) => n.slice(first.length + 1));
    throw new HfbotError(
      'E_UNKNOWN_COMMAND',
      second
        ? `/${first} has no subcommand "${second}". Subcommands: ${subs.join(', ')}.`
        : `/${first} needs a subcommand: ${subs.join(', ')}.`,
      {
        hint: second ? msg.core.didYouMean(closest(second, subs).map((s) => `/${first} ${s}`)) : undefined,
      },
    );
  }
  const top = [...new Set(names.map((n) => n.split(' ')[0]!))];
  throw new HfbotError('E_UNKNOWN_COMMAND', msg.core.unknownCommand(first, top), {
    hint: msg.core.didYouMean(closest(first, top).map((n) => `/${n}`)) || undefined,
  });
}

export function parseCommandText(text: string, commands: readonly Command[]): ParsedCommand {
  const trimmed = text.trim().replace(/^\//, '');
  const top = [...new Set(commands.map((c) => c.definition.name.split(' ')[0]!))];
  if (!trimmed) throw new HfbotError('E_USAGE', msg.core.emptyCommand(top));
  const tokens = tokenize(trimmed);
  const lead = tokens
    .filter((t) => !t.name)
    .slice(0, 2)
    .map((t) => t.value);
  const { command, used } = findCommand(lead, commands);
  const def = command.definition;
  const raw: Record<string, unknown> = {};
  const positional = Object.entries(def.options).filter(([, o]) => o.positional);
  const restValues: string[] = [];
  let pi = 0;
  let skipped = 0;
  for (const t of tokens) {
    if (!t.name && skipped < used) {
      skipped++;
      continue;
    }
    if (t.name) {
      const key = Object.keys(def.options).find((k) => k.toLowerCase() === t.name);
      if (!key) {
        const rest = positional.at(-1);
        if (rest?.[1].rest && pi >= positional.length - 1) {
          restValues.push(`${t.name}:${t.value}`);
          continue;
        }
        const known = Object.keys(def.options);
        throw new HfbotError('E_UNKNOWN_OPTION', msg.core.unknownOption(def.name, t.name, known), {
          hint: msg.core.didYouMean(closest(t.name, known)) || undefined,
        });
      }
      if (key in raw) throw new HfbotError('E_USAGE', msg.core.duplicateOption(def.name, key));
      // People keep their token boundaries: raters:@alice,"Alice Liddell" is two people, not three.
      raw[key] = def.options[key]!.kind === 'users' ? [t.value] : t.value;
      continue;
    }
    const slot = positional[pi];
    if (slot?.[1].rest && pi === positional.length - 1) {
      restValues.push(t.value);
      continue;
    }
    while (positional[pi] && positional[pi]![0] in raw) pi++;
    const free = positional[pi];
    if (!free) throw new HfbotError('E_USAGE', msg.core.tooManyArguments(def.name, t.value), { hint: usageOf(def) });
    if (free[1].rest && pi === positional.length - 1) {
      restValues.push(t.value);
      pi++;
      continue;
    }
    raw[free[0]] = t.value;
    pi++;
  }
  const restKey = positional.at(-1);
  if (restValues.length && restKey) {
    const [key, spec] = restKey;
    // A named value (raters:@alice) and loose words after it (@bob) are one list; people keep
    // their token boundaries so a quoted "Alice Liddell" stays one name.
    const before = raw[key] === undefined ? [] : Array.isArray(raw[key]) ? (raw[key] as string[]) : [String(raw[key])];
    raw[key] = spec.kind === 'users' ? [...before, ...restValues] : [...before, ...restValues].join(' ');
  }
  return { command, args: validateArgs(def, raw) };
}

/** Validates raw option values (strings from chat, typed values from platforms). */
export function validateArgs(def: CommandDefinition, raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(def.options)) {
    const value = raw[name];
    if ((value === undefined || value === '') && spec.required) {
      throw new HfbotError('E_MISSING_OPTION', msg.core.missingOption(def.name, name, spec.expected), {
        hint: usageOf(def),
      });
    }
    const parsed = spec.schema.safeParse(value === '' ? undefined : value);
    if (!parsed.success) {
      const suggestion =
        spec.choices && typeof value === 'string' ? msg.core.didYouMean(closest(value, spec.choices)) : '';
      throw new HfbotError('E_BAD_VALUE', msg.core.badValue(def.name, name, value, spec.expected), {
        hint: suggestion || undefined,
        details: { option: name },
      });
    }
    if (parsed.data !== undefined) out[name] = parsed.data;
  }
  for (const k of Object.keys(raw)) {
    if (!(k in def.options))
      throw new HfbotError('E_UNKNOWN_OPTION', msg.core.unknownOption(def.name, k, Object.keys(def.options)));
  }
  return out;
}

export function usageOf(def: CommandDefinition): string {
  const parts = Object.entries(def.options).map(([name, o]) => {
    const body = o.positional ? `<${name}>` : `${name}:${o.choices ? o.choices.join('|') : o.kind}`;
    return o.required ? body : `[${body}]`;
  });
  return `Usage: /${def.name}${parts.length ? ` ${parts.join(' ')}` : ''}`;
}
