/**
 * Autocomplete candidates shared by every adapter (Discord autocomplete, the web chat):
 * model types from every loaded source, and taxonomy themes (codes, categories, subcategories).
 */
import type { Db } from '../db.js';

export type CompletionKind = 'model' | 'theme';

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

/** Prefix matches first, then substring matches; case-insensitive; at most `limit` (Discord allows 25). */
export function complete(db: Db, kind: CompletionKind, query: string, limit = 25): Completion[] {
  const all = kind === 'model' ? modelTypeNames(db).map((n) => ({ label: n, value: n })) : themeCompletions(db);
  const q = query.trim().toLowerCase();
  if (!q) return all.slice(0, limit);
  const prefix = all.filter((c) => c.label.toLowerCase().startsWith(q) || c.value.toLowerCase().startsWith(q));
  const inner = all.filter((c) => !prefix.includes(c) && c.label.toLowerCase().includes(q));
  return [...prefix, ...inner].slice(0, limit);
}
