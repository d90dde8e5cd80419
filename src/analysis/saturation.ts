/**
 * Code saturation (SANER 2024, III-B2: coding continued "until no new theme emerged"):
 * how many free-text codes each batch of topics adds that no earlier topic had.
 */
export interface SaturationBatch {
  batch: number;
  fromPosition: number;
  toPosition: number;
  newCodes: number;
  cumulative: number;
}

export function normaliseCode(c: string): string {
  return c.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** `topics` in coding order, each with the free-text codes given to it. */
export function saturationBatches(
  topics: readonly { position: number; codes: readonly string[] }[],
  batchSize: number,
): SaturationBatch[] {
  const seen = new Set<string>();
  const out: SaturationBatch[] = [];
  for (let i = 0; i < topics.length; i += batchSize) {
    const chunk = topics.slice(i, i + batchSize);
    let fresh = 0;
    for (const t of chunk)
      for (const c of t.codes) {
        const k = normaliseCode(c);
        if (k && !seen.has(k)) {
          seen.add(k);
          fresh++;
        }
      }
    out.push({
      batch: out.length + 1,
      fromPosition: chunk[0]!.position,
      toPosition: chunk.at(-1)!.position,
      newCodes: fresh,
      cumulative: seen.size,
    });
  }
  return out;
}

/** True when the last `k` batches brought no new code (and there were at least k batches). */
export function saturated(batches: readonly SaturationBatch[], k: number): boolean {
  return batches.length >= k && batches.slice(-k).every((b) => b.newCodes === 0);
}
