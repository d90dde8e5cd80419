/**
 * The transport-free command contract. A command is `{ definition, execute }`; adapters
 * (Discord, Slack, web, CLI) only translate events into a CommandContext and a Reply into
 * platform calls.
 */
import type { z } from 'zod';
import type { Services } from '../services.js';
import type { Reply } from '../reply.js';
import type { Round } from '../data/coding/rounds.js';
import type { UserDirectory } from './directory.js';

export type { Services } from '../services.js';
export type { ChartName, Provenance, Reply, ReplyAction, ReplyFile, ReplyTable } from '../reply.js';

/** How an option is presented to people and platforms; `schema` does the validating. */
export type OptionKind = 'string' | 'integer' | 'number' | 'boolean' | 'month' | 'model' | 'theme' | 'user' | 'users';

export interface OptionSpec<S extends z.ZodType = z.ZodType> {
  kind: OptionKind;
  description: string;
  /** Validates and converts the raw text (or platform value) of the option. */
  schema: S;
  required: boolean;
  /** Accepted without `name:` in the chat form, in declaration order. */
  positional: boolean;
  choices?: readonly string[];
  default?: unknown;
  min?: number;
  max?: number;
  /** What a human should type, used in error messages ("YYYY-MM", "a whole number 1-50"). */
  expected: string;
  /** Completion source for platforms that offer autocomplete. */
  autocomplete?: 'model' | 'theme' | 'command';
  /** Takes the rest of the line (free text such as a low-level code). */
  rest?: boolean;
}

export type OptionsShape = Record<string, OptionSpec>;

export interface CommandDefinition<O extends OptionsShape = OptionsShape> {
  /** Space-separated path: 'trend', or 'code label' for a subcommand of /code. */
  name: string;
  description: string;
  options: O;
  /** Shown in help; one line each. */
  examples?: readonly string[];
  /** Who may run it and on what: run in order before execute (see Check). */
  checks?: readonly Check[];
}

export type ArgsOf<O extends OptionsShape> = { [K in keyof O]: z.output<O[K]['schema']> };

export type { Platform } from '../identity.js';
import type { Platform } from '../identity.js';

export interface CommandUser {
  id: string;
  name?: string;
  platform: Platform;
}

/**
 * What declared checks found, kept on the context for execute (a check resolves the round once,
 * execute reads it). Add a field here when a new check resolves something.
 */
export interface CheckState {
  round?: Round;
  /** The raters /code start resolved to platform users. */
  raters?: { ref: string; name: string }[];
  /** Who runs /code start, with the display name the platform knows. */
  owner?: { ref: string; name: string };
}

export interface CommandContext<A = Record<string, unknown>> {
  args: A;
  user: CommandUser;
  services: Services;
  /** The registry this command runs under (the guide's `interaction.client.commands`). */
  commands: readonly Command[];
  /** Filled by the declared checks before execute runs. */
  state: CheckState;
  /** Where the command was typed; coding rounds post follow-ups in a thread of it. */
  channel?: { id: string; threadId?: string };
  /** The text as typed, for logs and echoes. */
  raw: string;
  /** Who exists on the caller's platform (Slack users, Discord guild members); absent: typed names. */
  directory?: UserDirectory;
}

/**
 * A declared precondition (Sapphire's preconditions, bolt's middleware chain in spirit): the
 * pipeline runs a command's checks in order after parsing and before execute. A check refuses
 * by throwing an HfbotError with a specific message (E_FORBIDDEN, E_NOT_FOUND, ...); it may
 * store what it resolved in `ctx.state` for the checks after it and for execute.
 */
export interface Check {
  /** Names the rule in logs when it refuses ("round manager (close)"). */
  name: string;
  run(ctx: CommandContext): void | Promise<void>;
}

export interface Command<O extends OptionsShape = OptionsShape> {
  definition: CommandDefinition<O>;
  execute(ctx: CommandContext<ArgsOf<O>>): Reply | Promise<Reply>;
}

/** Ties execute's argument type to the definition's options without casts at call sites. */
export function defineCommand<O extends OptionsShape>(cmd: Command<O>): Command<O> {
  return cmd;
}
