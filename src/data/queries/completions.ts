/**
 * Autocomplete candidates from the dataset: model types from every loaded source, and taxonomy
 * themes (codes, categories, subcategories). The matching rule is src/commands/complete.ts.
 */
import type { Db } from '../db.js';

export interface Completion {
  /** What the user sees. */
  label: string;
  /** What gets typed into the option. */
  value: string;
}

export function modelTypeNames(db: Db): string[] {
  return (db.prepare('SELECT DISTINCT name FROM model_types ORDER BY name').all() as { name: string }[]).map(
    (r) => r.name,
  );
}

export function themeCompletions(db: Db): Completion[] {
  const cats = db.prepare('SELECT code, category FROM taxonomy ORDER BY kind DESC, position').all() as {
    code: string;
    category: string;
  }[];
  const subs = db
    .prepare(
      'SELECT c.code, c.subcategory FROM codebook c JOIN taxonomy t USING (code) WHERE c.subcategory IS NOT NULL ORDER BY t.kind DESC, t.position, c.id',
    )
    .all() as { code: string; subcategory: string }[];
  return [
    ...cats.map((c) => ({ label: `${c.code} ${c.category}`, value: c.code })),
    ...subs.map((s) => ({ label: `${s.code} › ${s.subcategory}`, value: s.subcategory })),
  ];
}
