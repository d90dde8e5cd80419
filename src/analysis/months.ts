/** Calendar months as 'YYYY-MM' strings, which also sort correctly as text. */
const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const label = (idx: number) =>
  `${String(Math.floor(idx / 12)).padStart(4, '0')}-${String((idx % 12) + 1).padStart(2, '0')}`;

export function addMonths(month: string, delta: number): string {
  return label(index(month) + delta);
}

/** Every month from `from` to `to`, inclusive; empty when from > to. */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  // Integer steps: /trends builds ~145 ranges per call, and parsing each month was the hot spot.
  for (let i = index(from), end = index(to); i <= end; i++) out.push(label(i));
  return out;
}

/** Values per month over the range, absent months counting as 0 (zero cells are not stored). */
export function fillMonths(months: readonly string[], values: ReadonlyMap<string, number>): number[] {
  return months.map((m) => values.get(m) ?? 0);
}
