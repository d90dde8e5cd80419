/**
 * The one top-level handler: every command, from every platform, runs through here.
 * User errors become a specific ephemeral reply; anything else is logged and answered
 * with a generic message, so nobody is ever left without an answer.
 */
import { HfbotError, isHfbotError } from '../errors.js';
import { msg } from '../messages/index.js';
import { parseCommandText, validateArgs } from './parse.js';
import type { Command, CommandContext, CommandUser, Reply, Services } from './types.js';

export interface RunEnv {
  user: CommandUser;
  services: Services;
  channel?: CommandContext['channel'];
  timeoutMs?: number;
}

export function errorReply(err: unknown): Reply {
  const e = isHfbotError(err) ? err : new HfbotError('E_INTERNAL', msg.core.internal);
  const text = e.userMessage();
  return { text, data: {}, provenance: null, ephemeral: true, error: { code: e.code, message: text } };
}

/** Parses chat text and runs the command; never throws. */
export async function runCommandText(text: string, env: RunEnv, commands: readonly Command[]): Promise<Reply> {
  let parsed: ReturnType<typeof parseCommandText>;
  try {
    parsed = parseCommandText(text, commands);
  } catch (err) {
    return handleError(err, env, text);
  }
  return execute(parsed.command, parsed.args, env, text);
}

/** For platforms that deliver typed options (Discord): validate, then run. Never throws. */
export async function runCommandArgs(
  command: Command,
  rawArgs: Record<string, unknown>,
  env: RunEnv,
  raw: string,
): Promise<Reply> {
  let args: Record<string, unknown>;
  try {
    args = validateArgs(command.definition, rawArgs);
  } catch (err) {
    return handleError(err, env, raw);
  }
  return execute(command, args, env, raw);
}

async function execute(command: Command, args: Record<string, unknown>, env: RunEnv, raw: string): Promise<Reply> {
  const ctx: CommandContext = {
    args,
    user: env.user,
    services: env.services,
    raw,
    ...(env.channel ? { channel: env.channel } : {}),
  };
  const timeoutMs = env.timeoutMs ?? env.services.config.HFBOT_COMMAND_TIMEOUT_MS;
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new HfbotError('E_TIMEOUT', msg.core.timeout(command.definition.name, timeoutMs))),
        timeoutMs,
      );
    });
    const reply = await Promise.race([Promise.resolve().then(() => command.execute(ctx as never)), timeout]);
    env.services.logger.debug('command done', {
      command: command.definition.name,
      user: env.user.id,
      ms: Math.round(performance.now() - started),
    });
    return reply;
  } catch (err) {
    return handleError(err, env, raw);
  } finally {
    clearTimeout(timer);
  }
}

function handleError(err: unknown, env: RunEnv, raw: string): Reply {
  const log = env.services.logger;
  if (isHfbotError(err) && err.code !== 'E_INTERNAL')
    log.info('command rejected', { raw, user: env.user.id, code: err.code, message: err.message });
  else log.error('command failed', { raw, user: env.user.id, err });
  return errorReply(err);
}
