import { randomBytes } from 'node:crypto';

/**
 * A run's id, stored as its run_started_at: the start time plus a random tag, so two runs started
 * in the same millisecond (or under a test's fixed clock) never share the rows they mark as seen.
 */
export function newRunId(now: Date): string {
  return `${now.toISOString()}#${randomBytes(4).toString('hex')}`;
}
