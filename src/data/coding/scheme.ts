/** The categories a round's raters choose from: Table I codes, with codebook subcategories. */
import type { Db } from '../db.js';
import { HfbotError } from '../../errors.js';
import { msg } from '../../messages/index.js';
import { closest } from '../../analysis/similarity.js';

export type Scheme = 'challenges' | 'benefits' | 'both';

export interface Category {
  code: string;
  kind: 'challenge' | 'benefit';
  category: string;
}

export function schemeCategories(db: Db, scheme: Scheme): Category[] {
  const kinds = scheme === 'both' ? ['challenge', 'benefit'] : [scheme === 'challenges' ? 'challenge' : 'benefit'];
  return db
    .prepare(
      `SELECT code, kind, category FROM taxonomy WHERE kind IN (${kinds.map(() => '?').join(',')}) ORDER BY kind DESC, position`,
    )
    .all(...kinds) as Category[];
}

export function subcategoriesOf(db: Db, code: string): string[] {
  return (
    db
      .prepare('SELECT DISTINCT subcategory FROM codebook WHERE code = ? AND subcategory IS NOT NULL ORDER BY id')
      .all(code) as { subcategory: string }[]
  ).map((r) => r.subcategory);
}

/** Accepts a code (C8), a category name, or a unique prefix of one; case-insensitive. */
export function resolveCategory(db: Db, scheme: Scheme, input: string): Category {
  const cats = schemeCategories(db, scheme);
  const q = input.trim().toLowerCase();
  const exact = cats.find((c) => c.code.toLowerCase() === q || c.category.toLowerCase() === q);
  if (exact) return exact;
  const prefix = cats.filter((c) => c.category.toLowerCase().startsWith(q));
  if (prefix.length === 1 && q.length >= 3) return prefix[0]!;
  const names = cats.map((c) => c.code);
  const guesses = closest(input, [...names, ...cats.map((c) => c.category)]);
  throw new HfbotError('E_UNKNOWN_THEME', msg.coding.unknownCategory(input, scheme, names), {
    hint: msg.core.didYouMean(guesses) || undefined,
  });
}

export function resolveSubcategory(db: Db, code: string, input: string): string {
  const subs = subcategoriesOf(db, code);
  const q = input.trim().toLowerCase();
  const hit =
    subs.find((s) => s.toLowerCase() === q) ??
    (subs.filter((s) => s.toLowerCase().startsWith(q)).length === 1
      ? subs.find((s) => s.toLowerCase().startsWith(q))
      : undefined);
  if (hit) return hit;
  throw new HfbotError('E_BAD_VALUE', msg.coding.unknownSubcategory(input, code, subs), {
    hint: msg.core.didYouMean(closest(input, subs)) || undefined,
  });
}

/**
 * What a category means, for a menu option's description: the codebook definition of a category
 * without subcategories, else the subcategories it covers.
 */
export function categoryDefinition(db: Db, code: string): string {
  const rows = db.prepare('SELECT subcategory, definition FROM codebook WHERE code = ? ORDER BY id').all(code) as {
    subcategory: string | null;
    definition: string;
  }[];
  if (rows.length === 1 && rows[0]!.subcategory === null) return rows[0]!.definition.trim();
  const subs = rows.flatMap((r) => (r.subcategory ? [r.subcategory] : []));
  return subs.length ? `Covers: ${subs.join('; ')}` : '';
}
