/** Shares of a total per model type, and the head that makes up a given share (Fig. 3). */
export interface Ranked {
  name: string;
  count: number;
  share: number;
}

/** Largest first; ties by name so the order is stable. */
export function rankByCount(totals: ReadonlyMap<string, number>): Ranked[] {
  const sum = [...totals.values()].reduce((s, v) => s + v, 0);
  return [...totals]
    .map(([name, count]) => ({ name, count, share: sum ? count / sum : 0 }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/** The smallest N whose top-N cumulative share reaches `target` (0.9 gives the paper's 31). */
export function headSize(ranked: readonly Ranked[], target: number): number {
  let cum = 0;
  for (let i = 0; i < ranked.length; i++) {
    cum += ranked[i]!.share;
    // A hair of tolerance so a share that is exactly the target in decimal still counts.
    if (cum >= target - 1e-12) return i + 1;
  }
  return ranked.length;
}

/** The names of the head that makes up `target` of the total (the paper's "top 90%"). */
export function headNames(totals: ReadonlyMap<string, number>, target: number): Set<string> {
  const ranked = rankByCount(totals);
  return new Set(ranked.slice(0, headSize(ranked, target)).map((r) => r.name));
}
