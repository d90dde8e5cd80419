/** Reads for the taxonomy commands (/challenges, /benefits, /rootcauses, /examples, /taxonomy). */
import type { Db } from '../db.js';
import type { CountRow } from '../../analysis/table-one.js';

export type Kind = 'challenge' | 'benefit';
export type Level = 'beginner' | 'intermediate';

export interface TaxonomyEntry {
  code: string;
  kind: Kind;
  category: string;
}

export function taxonomy(db: Db, kind?: Kind): TaxonomyEntry[] {
  const where = kind ? 'WHERE kind = ?' : '';
  return db
    .prepare(`SELECT code, kind, category FROM taxonomy ${where} ORDER BY kind DESC, position`)
    .all(...(kind ? [kind] : [])) as TaxonomyEntry[];
}

/** Table I as published (Overview sheet of Codebook.xlsx), in Table I order. */
export function publishedCounts(db: Db, kind: Kind): CountRow[] {
  return db
    .prepare('SELECT code, category, published_count AS count FROM taxonomy WHERE kind = ? ORDER BY position')
    .all(kind) as CountRow[];
}

/**
 * Categories of one kind of the topics posted in a level's forum category, over every source
 * (root causes and coding rounds); a (topic, code) pair counts once however many sources agree.
 */
export function levelCounts(
  db: Db,
  level: Level,
  kind: Kind = 'challenge',
): { n: number; rows: CountRow[]; sources: string[] } {
  const base = `
    SELECT DISTINCT tc.topic_id, tc.code, tc.source FROM topic_categories tc
    JOIN forum_categories fc ON fc.name = tc.forum_category
    JOIN taxonomy t ON t.code = tc.code
    WHERE fc.level = @level AND t.kind = @kind`;
  const p = { level, kind };
  const n = (db.prepare(`SELECT count(DISTINCT topic_id) AS n FROM (${base})`).get(p) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT t.code, t.category, count(DISTINCT x.topic_id) AS count
       FROM taxonomy t LEFT JOIN (${base}) x ON x.code = t.code
       WHERE t.kind = @kind GROUP BY t.code ORDER BY t.position`,
    )
    .all(p) as CountRow[];
  const sources = (
    db.prepare(`SELECT DISTINCT source FROM (${base}) ORDER BY source`).all(p) as { source: string }[]
  ).map((r) => r.source);
  return { n, rows, sources };
}

export interface RootCauseRecord {
  id: number;
  topicId: number;
  rootCause: string;
  categoryCode: string | null;
  subcategoryRaw: string;
}

export function rootCauses(db: Db): RootCauseRecord[] {
  return db
    .prepare(
      'SELECT id, topic_id AS topicId, root_cause AS rootCause, category_code AS categoryCode, subcategory_raw AS subcategoryRaw FROM root_causes ORDER BY source_line',
    )
    .all() as RootCauseRecord[];
}

export interface CodebookEntry {
  id: number;
  code: string;
  kind: Kind;
  category: string;
  subcategory: string | null;
  definition: string;
  exampleTopic: number | null;
  exampleQuote: string | null;
}

export function codebook(db: Db, kind?: Kind): CodebookEntry[] {
  const where = kind ? 'WHERE t.kind = ?' : '';
  return db
    .prepare(
      `SELECT c.id, c.code, t.kind, t.category, c.subcategory, c.definition, c.example_topic AS exampleTopic, c.example_quote AS exampleQuote
       FROM codebook c JOIN taxonomy t USING (code) ${where} ORDER BY t.kind DESC, t.position, c.id`,
    )
    .all(...(kind ? [kind] : [])) as CodebookEntry[];
}

export interface ThemeTopic {
  topicId: number;
  forumCategory: string;
  sources: string;
}

/** Topics coded with a category (any source), each once. */
export function topicsOfCode(db: Db, code: string): ThemeTopic[] {
  return db
    .prepare(
      `SELECT topic_id AS topicId, min(forum_category) AS forumCategory, group_concat(DISTINCT source) AS sources
       FROM topic_categories WHERE code = ? GROUP BY topic_id ORDER BY topic_id`,
    )
    .all(code) as ThemeTopic[];
}

export function rootCauseSubcategories(
  db: Db,
  code: string,
): { topicId: number; subcategoryRaw: string; forumCategory: string }[] {
  return db
    .prepare(
      `SELECT r.topic_id AS topicId, r.subcategory_raw AS subcategoryRaw, coalesce(t.forum_category, r.forum_category_raw) AS forumCategory
       FROM root_causes r LEFT JOIN topics t ON t.id = r.topic_id WHERE r.category_code = ? ORDER BY r.source_line`,
    )
    .all(code) as { topicId: number; subcategoryRaw: string; forumCategory: string }[];
}

/** The first low-level code written for each topic (All_Codes.csv), if any. */
export function firstCodes(db: Db, topicIds: readonly number[]): Map<number, string> {
  const out = new Map<number, string>();
  const stmt = db.prepare('SELECT code FROM codes WHERE topic_id = ? ORDER BY source_line LIMIT 1');
  for (const id of topicIds) {
    const row = stmt.get(id) as { code: string } | undefined;
    if (row) out.set(id, row.code);
  }
  return out;
}
