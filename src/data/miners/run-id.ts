import { randomBytes } from 'node:crypto';

/**
 * A run's id, stored as its run_started_at: the start time plus a random tag, so two runs started
 * in the same millisecond (or under a test's fixed clock) never share the rows they mark as seen.
 */
export function newRunId(now: Date): string {
  return `${now.toISOString()}#${randomBytes(4).toString('hex')}`;
}

/**
 * The run id as one integer (start time in ms times 1,000 plus part of the random tag): eight bytes
 * per row where a million Hub rows carry it, instead of a 29-character string.
 */
export function runTag(runId: string): number {
  const [iso, tag = '0'] = runId.split('#');
  return Date.parse(iso!) * 1000 + (Number.parseInt(tag.slice(0, 4), 16) % 1000);
}
