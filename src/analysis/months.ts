/** Calendar months as 'YYYY-MM' strings, which also sort correctly as text. */
export function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const idx = y * 12 + (m - 1) + delta;
  return `${String(Math.floor(idx / 12)).padStart(4, '0')}-${String((idx % 12) + 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, inclusive; empty when from > to. */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** Values per month over the range, absent months counting as 0 (zero cells are not stored). */
export function fillMonths(months: readonly string[], values: ReadonlyMap<string, number>): number[] {
  return months.map((m) => values.get(m) ?? 0);
}
