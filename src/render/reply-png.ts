import type { Reply, Services } from '../commands/types.js';
import { HfbotError } from '../errors.js';

/** Placeholder until the chart pipeline lands (issue: charts); callers check reply.chart first. */
export async function renderReplyPng(_reply: Reply, _services: Services): Promise<Uint8Array> {
  throw new HfbotError('E_INTERNAL', 'Chart rendering is not available in this build yet.');
}
