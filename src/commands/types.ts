/**
 * The transport-free command contract. A command is `{ definition, execute }`; adapters
 * (Discord, Slack, web, CLI) only translate events into a CommandContext and a Reply into
 * platform calls.
 */
import type { z } from 'zod';
import type Database from 'better-sqlite3';
import type { Logger } from '../logger.js';
import type { AppConfig } from '../config.js';

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
}

export type ArgsOf<O extends OptionsShape> = { [K in keyof O]: z.output<O[K]['schema']> };

export type Platform = 'discord' | 'slack' | 'web' | 'cli' | 'test';

export interface CommandUser {
  id: string;
  name?: string;
  platform: Platform;
}

/** Everything a command may use. Adapters build it once and share it. */
export interface Services {
  db: Database.Database;
  logger: Logger;
  config: AppConfig;
  now: () => Date;
}

export interface CommandContext<A = Record<string, unknown>> {
  args: A;
  user: CommandUser;
  services: Services;
  /** Where the command was typed; coding rounds post follow-ups in a thread of it. */
  channel?: { id: string; threadId?: string };
  /** The text as typed, for logs and echoes. */
  raw: string;
}

export interface Provenance {
  /** e.g. 'saner2024-3f2a9c1d' (the replication package) or 'mined-2026-11-22-...'. */
  datasetVersion: string;
  /** Human-readable sources: 'SANER 2024 replication package: Forums_Model_Mentions_Over_Time.csv'. */
  sources: string[];
  window?: { from: string; to: string } | null;
  /** Sample size behind the headline number (topics, months, codes...). */
  n?: number | null;
  note?: string;
}

export interface ReplyTable {
  columns: string[];
  rows: (string | number | null)[][];
}

/**
 * An interactive control. Choosing an option (or pressing the button) runs `command`
 * with `{value}` replaced, as the user who chose it; adapters render selects/buttons.
 */
export type ReplyAction =
  | {
      type: 'select';
      id: string;
      placeholder: string;
      command: string;
      options: { label: string; value: string; description?: string }[];
    }
  | { type: 'button'; id: string; label: string; command: string; style?: 'primary' | 'secondary' | 'danger' };

export interface ReplyFile {
  name: string;
  contentType: string;
  content: string | Uint8Array;
}

export interface ChartName {
  /** A safe file name: lowercase letters, digits, dots and dashes, ending in .png. */
  file: string;
  title: string;
}

export interface Reply {
  text: string;
  table?: ReplyTable;
  /** A Vega-Lite top-level spec; rendered to PNG by src/render. */
  chart?: Record<string, unknown> | null;
  /**
   * How the chart is named where it is posted (built with chartName() in src/commands/chart-name.ts):
   * the file name (`trend-llama.png`) and a title such as "/trend llama: forum mentions vs Hub uploads"
   * (Slack's file title, Discord's attachment description, the web chat's alt text and download name).
   */
  chartName?: ChartName;
  data: Record<string, unknown>;
  provenance: Provenance | null;
  /** Errors and private confirmations are shown only to the caller where the platform can. */
  ephemeral?: boolean;
  /** Post this reply in a thread (coding rounds). */
  thread?: { title: string };
  actions?: ReplyAction[];
  files?: ReplyFile[];
  error?: { code: string; message: string };
}

export interface Command<O extends OptionsShape = OptionsShape> {
  definition: CommandDefinition<O>;
  execute(ctx: CommandContext<ArgsOf<O>>): Reply | Promise<Reply>;
}

/** Ties execute's argument type to the definition's options without casts at call sites. */
export function defineCommand<O extends OptionsShape>(cmd: Command<O>): Command<O> {
  return cmd;
}
