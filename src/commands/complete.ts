/**
 * Completion for every adapter (Discord autocomplete, the web chat's suggestions), with one
 * matching rule for command names, option choices, model types and themes. Candidates come
 * from the registry and from the dataset (src/data/queries/completions.ts).
 */
import type { Db } from '../data/db.js';
import { modelTypeNames, themeCompletions, type Completion } from '../data/queries/completions.js';
import { usageOf } from './parse.js';
import type { Command, OptionSpec } from './types.js';

export type { Completion } from '../data/queries/completions.js';

const WORD = /[^\p{L}\p{N}]+/u;

/**
 * The matching rule, case-insensitive, in tiers: a text starts with the query ("code l" ->
 * "code label"), then a word of it does ("lab" -> "code label"), then it contains the query.
 * Order within a tier is the candidates' own order.
 */
export function rank<T>(items: readonly T[], query: string, texts: (item: T) => string[]): T[] {
  const q = query.trim().replace(/^\//, '').toLowerCase().replace(/\s+/g, ' ');
  if (!q) return [...items];
  const lower = items.map((item) => texts(item).map((t) => t.toLowerCase()));
  const tiers: T[][] = [[], [], []];
  items.forEach((item, i) => {
    const ts = lower[i]!;
    if (ts.some((t) => t.startsWith(q))) tiers[0]!.push(item);
    else if (ts.some((t) => t.split(WORD).some((w) => w.startsWith(q)))) tiers[1]!.push(item);
    else if (ts.some((t) => t.includes(q))) tiers[2]!.push(item);
  });
  return tiers.flat();
}

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

/** Command names with their usage and options, so a client can suggest `name:` after a command. */
export function completeCommands(commands: readonly Command[], query: string, limit = 25): CommandCompletion[] {
  return rank(commands, query, (c) => [c.definition.name])
    .slice(0, limit)
    .map((c) => ({
      label: `/${c.definition.name}`,
      value: `/${c.definition.name} `,
      description: c.definition.description,
      usage: usageOf(c.definition),
      options: optionsOf(c),
    }));
}

/** Model types from every loaded source, or taxonomy themes (codes, categories, subcategories). */
export function completeValues(db: Db, kind: 'model' | 'theme', query: string, limit = 25): Completion[] {
  const all = kind === 'model' ? modelTypeNames(db).map((n) => ({ label: n, value: n })) : themeCompletions(db);
  return rank(all, query, (c) => [c.label, c.value]).slice(0, limit);
}

/** Candidates for one option (Discord allows 25): its completion source, else its choices. */
export function completeOption(
  spec: OptionSpec,
  query: string,
  from: { db: Db; commands: readonly Command[] },
  limit = 25,
): Completion[] {
  if (spec.autocomplete === 'model' || spec.autocomplete === 'theme')
    return completeValues(from.db, spec.autocomplete, query, limit);
  if (spec.autocomplete === 'command')
    return completeCommands(from.commands, query, limit).map((c) => ({
      label: c.label.slice(1),
      value: c.label.slice(1),
    }));
  const choices = (spec.choices ?? []).map((c) => ({ label: c, value: c }));
  return rank(choices, query, (c) => [c.value]).slice(0, limit);
}
