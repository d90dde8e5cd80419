/** Fig. 4's numbers for one source, shared by /cards and its source:both form. */
import { HfbotError } from '../errors.js';
import { msg } from '../messages/index.js';
import { cardMonths, type SeriesSource } from '../data/queries/series.js';
import { checkWindow } from './series-common.js';
import type { Db } from '../data/db.js';

export function cardsData(
  db: Db,
  src: SeriesSource,
  args: { from?: string | undefined; to?: string | undefined },
  cmd = 'cards',
) {
  const w = src.windows.cards!;
  const from = args.from ?? w.first;
  const to = args.to ?? w.last;
  checkWindow(cmd, from, to, w.first, w.last);
  const rows = cardMonths(db, src.source, from, to);
  if (!rows.length) throw new HfbotError('E_NOT_FOUND', msg.series.noCardMonths(from, to));
  const months = rows.map((r) => ({ ...r, ratio: r.models ? r.withCard / r.models : null }));
  const models = rows.reduce((s, r) => s + r.models, 0);
  const withCard = rows.reduce((s, r) => s + r.withCard, 0);
  // Pooled over models, not the mean of monthly ratios: months differ in size by 600x.
  const overallRatio = models ? withCard / models : 0;
  const ratios = months.map((m) => m.ratio).filter((r): r is number => r !== null);
  return { from, to, months, models, withCard, overallRatio, ratios };
}
