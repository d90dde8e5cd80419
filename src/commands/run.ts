/**
 * One command from text, through the pipeline, with no rate limit: the CLI's `hfbot ask` and
 * tests. Chat adapters build one Pipeline (createPipeline) and keep it.
 */
import type { Reply } from '../reply.js';
import type { Services } from '../services.js';
import { createPipeline, type Caller } from './pipeline.js';
import type { Command } from './types.js';

export { errorReply } from './handle-error.js';

export interface RunEnv extends Caller {
  services: Services;
  timeoutMs?: number;
}

/** Parses chat text and runs the command; never throws. */
export function runCommandText(text: string, env: RunEnv, commands: readonly Command[]): Promise<Reply> {
  const { services, timeoutMs, ...caller } = env;
  return createPipeline({ services, commands, ...(timeoutMs !== undefined ? { timeoutMs } : {}) }).run(
    { text },
    caller,
  );
}
