/**
 * Autocomplete for the chat box: command names (with subcommands and their options, so the
 * page can suggest `name:` after a command) from the registry, model types and themes from
 * the dataset (the same source as Discord's autocomplete).
 */
import type { Command, Services } from '../../commands/types.js';
import { usageOf } from '../../commands/parse.js';
import { complete } from '../../data/queries/completions.js';

export interface OptionInfo {
  name: string;
  kind: string;
  description: string;
  expected: string;
  required: boolean;
  positional: boolean;
  choices?: readonly string[];
  autocomplete?: 'model' | 'theme' | 'command';
}

export interface CommandCompletion {
  label: string;
  /** What replaces the typed command: "/code label ". */
  value: string;
  description: string;
  usage: string;
  options: OptionInfo[];
}

export interface ValueCompletion {
  label: string;
  value: string;
}

function optionsOf(c: Command): OptionInfo[] {
  return Object.entries(c.definition.options).map(([name, o]) => ({
    name,
    kind: o.kind,
    description: o.description,
    expected: o.expected,
    required: o.required,
    positional: o.positional,
    ...(o.choices ? { choices: o.choices } : {}),
    ...(o.autocomplete ? { autocomplete: o.autocomplete } : {}),
  }));
}

/** Prefix matches on the full name first ("code l" -> "code label"), then on any word, then substrings. */
export function completeCommands(commands: readonly Command[], query: string, limit = 25): CommandCompletion[] {
  const q = query.trim().replace(/^\//, '').toLowerCase().replace(/\s+/g, ' ');
  const all = commands.map((c) => c.definition.name);
  const prefix = all.filter((n) => n.startsWith(q));
  const word = all.filter((n) => !prefix.includes(n) && n.split(' ').some((w) => w.startsWith(q)));
  const inner = q ? all.filter((n) => !prefix.includes(n) && !word.includes(n) && n.includes(q)) : [];
  return [...prefix, ...word, ...inner].slice(0, limit).map((name) => {
    const c = commands.find((x) => x.definition.name === name)!;
    return {
      label: `/${name}`,
      value: `/${name} `,
      description: c.definition.description,
      usage: usageOf(c.definition),
      options: optionsOf(c),
    };
  });
}

export function completeValues(
  services: Services,
  kind: 'model' | 'theme',
  query: string,
  limit = 25,
): ValueCompletion[] {
  return complete(services.db, kind, query, limit);
}
