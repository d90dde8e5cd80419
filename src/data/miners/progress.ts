/** What long mining runs report while they work; the CLI turns it into a bar or log lines. */
export interface MineProgress {
  source: 'forum' | 'hub';
  /** Pages (forum) or models (hub) done so far. */
  done: number;
  /** 0..1 when it can be estimated (from the time range left to cover), else null. */
  fraction: number | null;
  counts: Record<string, number>;
  /** The step a run is in (forum: listing, posts, fetch, check). */
  phase?: string;
}

export type ProgressSink = (p: MineProgress) => void;

/**
 * Both sources list newest first, so the share of the time range between the run's newest
 * item and its floor already passed estimates how far the run is.
 */
export function timeFraction(newest: string | null, floor: string | null, current: string | null): number | null {
  if (!newest || !floor || !current) return null;
  const [n, f, c] = [Date.parse(newest), Date.parse(floor), Date.parse(current)];
  if (![n, f, c].every(Number.isFinite) || n <= f) return null;
  return Math.min(1, Math.max(0, (n - c) / (n - f)));
}
