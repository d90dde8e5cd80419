/** Edit distance and "did you mean" ranking: pure, used for every suggestion the bot makes. */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * The candidates closest to `input` (case-insensitive), best first. Prefix matches rank
 * before mere edit-distance neighbours; nothing farther than `maxDistance` is suggested.
 */
export function closest(input: string, candidates: readonly string[], k = 3, maxDistance?: number): string[] {
  const q = input.toLowerCase();
  const limit = maxDistance ?? Math.max(2, Math.ceil(q.length / 2));
  return candidates
    .map((c) => {
      const lc = c.toLowerCase();
      const prefix = lc.startsWith(q) || q.startsWith(lc);
      return { c, score: prefix ? Math.abs(lc.length - q.length) * 0.01 : levenshtein(q, lc), prefix };
    })
    .filter((x) => x.prefix || x.score <= limit)
    .sort((x, y) => x.score - y.score || x.c.localeCompare(y.c))
    .slice(0, k)
    .map((x) => x.c);
}
