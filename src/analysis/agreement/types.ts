/**
 * Reliability data as in Krippendorff (2011): one row per unit (topic), one column per
 * rater, null where that rater gave no label. Values are nominal category names.
 */
export type Label = string | null;
export type Units = readonly (readonly Label[])[];

/** The sorted set of values used anywhere in the data. */
export function categoriesOf(units: Units): string[] {
  const s = new Set<string>();
  for (const u of units) for (const v of u) if (v !== null) s.add(v);
  return [...s].sort();
}

/** Number of non-missing labels per category within one unit. */
export function countsOf(unit: readonly Label[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const v of unit) if (v !== null) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}
