/**
 * The one pipeline every adapter (Discord, Slack, web chat, CLI) runs a command through:
 *
 *   global checks (per-user rate limit) -> parse -> declared checks -> execute -> reply
 *
 * It never throws. `prepare` is the synchronous part (global checks and parsing), so an adapter
 * knows before it acknowledges whether the answer is an immediate refusal (Discord answers those
 * privately at once instead of deferring); `run()` is the rest: it first yields to pending I/O,
 * then runs the command's declared checks (`definition.checks`) and execute under a timeout.
 */
import { HfbotError } from '../errors.js';
import { msg } from '../messages/index.js';
import type { Reply } from '../reply.js';
import type { Services } from '../services.js';
import type { RateLimiter } from './checks/rate-limit.js';
import { errorReply, handleError } from './handle-error.js';
import { parseCommandText, validateArgs } from './parse.js';
import { prefixReply, SLASH, splitUmbrella } from './prefix.js';
import type { Command, CommandContext, CommandUser } from './types.js';

export interface PipelineOptions {
  services: Services;
  /** The registry: what can run, and what /help lists (`ctx.commands`). */
  commands: readonly Command[];
  /** The per-user rate limit; null or absent turns it off (CLI, tests). */
  limiter?: RateLimiter | null;
  /** Default HFBOT_COMMAND_TIMEOUT_MS. */
  timeoutMs?: number;
}

/** Who runs the command, and where. */
export interface Caller {
  user: CommandUser;
  channel?: CommandContext['channel'];
  /**
   * What the user typed before the command name: '/' (the default), or '/hfbot ' when Slack's
   * umbrella command carried it. Hints and errors of the answer use it (prefix.ts).
   */
  prefix?: string;
  /** The platform's user directory, for commands that name people (/code start raters:). */
  directory?: CommandContext['directory'];
}

/** Chat text ("/trend llama from:2021-01"), or typed options from a platform that has them (Discord). */
export type CommandInput = { text: string } | { command: Command; args: Record<string, unknown>; raw: string };

export type Prepared =
  | { ok: true; command: Command; run(): Promise<Reply> }
  | { ok: false; reply: Reply; retryAfterSeconds?: number };

export interface Pipeline {
  readonly services: Services;
  readonly commands: readonly Command[];
  prepare(input: CommandInput, caller: Caller): Prepared;
  /** prepare, then run: the whole pipeline. */
  run(input: CommandInput, caller: Caller): Promise<Reply>;
}

/**
 * Commands do synchronous SQLite work; yielding first lets other users' acknowledgements
 * (Slack's ack, Discord's deferReply) go out, so a burst never pushes one past its 3 s deadline.
 */
const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createPipeline(opts: PipelineOptions): Pipeline {
  const { services, commands, limiter } = opts;
  const log = services.logger;

  async function execute(command: Command, args: Record<string, unknown>, caller: Caller, raw: string) {
    const ctx: CommandContext = {
      args,
      user: caller.user,
      services,
      commands,
      state: {},
      raw,
      ...(caller.channel ? { channel: caller.channel } : {}),
      ...(caller.directory ? { directory: caller.directory } : {}),
    };
    const timeoutMs = opts.timeoutMs ?? services.config.HFBOT_COMMAND_TIMEOUT_MS;
    const started = performance.now();
    let check: string | undefined;
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new HfbotError('E_TIMEOUT', msg.core.timeout(command.definition.name, timeoutMs))),
          timeoutMs,
        );
      });
      const work = (async () => {
        for (const c of command.definition.checks ?? []) {
          check = c.name;
          await c.run(ctx);
        }
        check = undefined;
        return command.execute(ctx as never);
      })();
      const reply = await Promise.race([work, timeout]);
      log.debug('command done', {
        command: command.definition.name,
        user: caller.user.id,
        ms: Math.round(performance.now() - started),
      });
      return reply;
    } catch (err) {
      return handleError(err, log, { raw, user: caller.user.id, ...(check ? { check } : {}) });
    } finally {
      clearTimeout(timer);
    }
  }

  const topNames = [...new Set(commands.map((c) => c.definition.name.split(' ')[0]!))];

  function prepare(input: CommandInput, caller: Caller): Prepared {
    // `/hfbot trend llama` (or `hfbot trend llama`) works everywhere; a bare `/hfbot` is /help.
    const umbrella = 'text' in input ? splitUmbrella(input.text) : null;
    if (umbrella) input = { text: umbrella.text || 'help' };
    const prefix = umbrella?.prefix ?? caller.prefix ?? SLASH;
    const p = prepareTyped(input, caller);
    if (prefix === SLASH) return p;
    // The word typed as the command, too: "Unknown command /trnd" becomes "/hfbot trnd".
    const typed = 'text' in input ? input.text.trim().replace(/^\//, '').split(/\s+/)[0] : undefined;
    const names = typed ? [...topNames, typed.toLowerCase()] : topNames;
    const fix = (r: Reply) => prefixReply(r, prefix, names);
    return p.ok ? { ...p, run: async () => fix(await p.run()) } : { ...p, reply: fix(p.reply) };
  }

  function prepareTyped(input: CommandInput, caller: Caller): Prepared {
    const raw = 'text' in input ? input.text : input.raw;
    const rate = limiter?.check(`${caller.user.platform}:${caller.user.id}`) ?? { ok: true as const };
    if (!rate.ok) {
      log.info('command rejected', { raw, user: caller.user.id, code: 'E_RATE_LIMITED' });
      return {
        ok: false,
        reply: errorReply(new HfbotError('E_RATE_LIMITED', rate.message)),
        retryAfterSeconds: rate.retryAfterSeconds,
      };
    }
    let parsed: { command: Command; args: Record<string, unknown> };
    try {
      parsed =
        'text' in input
          ? parseCommandText(input.text, commands)
          : { command: input.command, args: validateArgs(input.command.definition, input.args) };
    } catch (err) {
      return { ok: false, reply: handleError(err, log, { raw, user: caller.user.id }) };
    }
    return {
      ok: true,
      command: parsed.command,
      run: async () => {
        await yieldToIo();
        return execute(parsed.command, parsed.args, caller, raw);
      },
    };
  }

  return {
    services,
    commands,
    prepare,
    async run(input, caller) {
      const p = prepare(input, caller);
      return p.ok ? p.run() : p.reply;
    },
  };
}
