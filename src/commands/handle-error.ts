/**
 * The one top-level error handler: user errors become a specific ephemeral reply (which
 * argument, what was expected, a suggestion); anything else is logged and answered with a
 * generic message, so nobody is ever left without an answer and no stack trace leaks.
 */
import { HfbotError, isHfbotError } from '../errors.js';
import type { Logger } from '../logger.js';
import { msg } from '../messages/index.js';
import type { Reply } from '../reply.js';

export function errorReply(err: unknown): Reply {
  const e = isHfbotError(err) ? err : new HfbotError('E_INTERNAL', msg.core.internal);
  const text = e.userMessage();
  return { text, data: {}, provenance: null, ephemeral: true, error: { code: e.code, message: text } };
}

export function handleError(err: unknown, log: Logger, where: { raw: string; user: string; check?: string }): Reply {
  if (isHfbotError(err) && err.code !== 'E_INTERNAL')
    log.info('command rejected', { ...where, code: err.code, message: err.message });
  else log.error('command failed', { ...where, err });
  return errorReply(err);
}
