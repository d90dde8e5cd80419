/**
 * When the lines on one axis differ by orders of magnitude (bert's ~1,900 Hub models a month vs
 * vit's tens; Beginners' thousands of topics vs a category of ten) a linear axis flattens the
 * small ones to zero. A symlog scale keeps them readable and still shows zero; its ticks are 0
 * and powers of ten. Decided on each line's peak, not on single points: a cumulative line that
 * starts at 1 is not "spread". Returns the y-encoding additions and the axis-title suffix, or null.
 */
export function symlogWhenSpread(
  lines: readonly (readonly number[])[],
): { scale: Record<string, unknown>; axis: Record<string, unknown>; note: string } | null {
  const peaks = lines.map((l) => Math.max(0, ...l)).filter((p) => p > 0);
  if (!peaks.length) return null;
  const max = Math.max(...peaks);
  if (max / Math.min(...peaks) < 100) return null;
  const ticks = [0];
  for (let t = 1; t <= max * 1.5; t *= 10) ticks.push(t);
  return { scale: { type: 'symlog', constant: 1 }, axis: { values: ticks, format: ',d' }, note: ' (symlog scale)' };
}

/**
 * Text the bundled DejaVu Sans can draw: Discourse category names carry emoji ("🤗Transformers")
 * that would render as empty boxes, so charts drop pictographs, their variation selectors and
 * joiners. Replies' text and data keep the real name.
 */
export function drawableLabel(s: string): string {
  return s.replace(/\p{Extended_Pictographic}|\u{FE0F}|\u{200D}|[\u{1F3FB}-\u{1F3FF}]/gu, '').trim() || s;
}
