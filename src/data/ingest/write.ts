import type Database from 'better-sqlite3';
import type { OverviewEntry, CodebookSheetRow } from './codebook.js';
import type { CodeRow } from './codes.js';
import type { RootCauseCsvRow } from './root-causes.js';
import type { MonthlyValue } from './series.js';
import type { CardMonth } from '../queries/series.js';
import { levelOf } from './labels.js';
import { topicUrl } from '../../format/sources.js';

export interface ParsedPackage {
  overview: OverviewEntry[];
  codebook: CodebookSheetRow[];
  codes: CodeRow[];
  rootCauses: RootCauseCsvRow[];
  forum: { rows: MonthlyValue[]; months: string[]; modelTypes: string[] };
  hub: { rows: MonthlyValue[]; months: string[]; modelTypes: string[] };
  cards: CardMonth[];
  files: { name: string; sha256: string; bytes: number }[];
}

export interface WriteMeta {
  version: string;
  builtAt: string;
  sourceDir: string;
  sourceKind: string;
}

/** Inserts the parsed package; the caller wraps this in one transaction. */
export function writeDataset(db: Database.Database, p: ParsedPackage, m: WriteMeta): void {
  const codeOf = new Map<string, string>();
  const taxonomy = db.prepare(
    'INSERT INTO taxonomy (code, kind, position, category, category_raw, published_count) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const o of p.overview) {
    const code = `${o.kind === 'challenge' ? 'C' : 'B'}${o.position}`;
    codeOf.set(`${o.kind}:${o.category}`, code);
    const raw = p.codebook.find((c) => c.kind === o.kind && c.category === o.category)?.categoryRaw ?? o.category;
    taxonomy.run(code, o.kind, o.position, o.category, raw, o.count);
  }
  const codebook = db.prepare(
    'INSERT INTO codebook (code, subcategory, subcategory_raw, definition, example_topic, example_quote, source_line) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const c of p.codebook) {
    codebook.run(
      codeOf.get(`${c.kind}:${c.category}`)!,
      c.subcategory,
      c.subcategory,
      c.definition,
      c.exampleTopic,
      c.exampleQuote,
      c.line,
    );
  }

  // A topic's forum category comes from All_Codes (as coded); Root_Causes fills the rest.
  const topics = new Map<number, { category: string; raw: string; inCodes: boolean; inRoot: boolean }>();
  for (const c of p.codes)
    if (!topics.has(c.topicId))
      topics.set(c.topicId, { category: c.forumCategory, raw: c.forumCategoryRaw, inCodes: true, inRoot: false });
  for (const r of p.rootCauses) {
    const t = topics.get(r.topicId);
    if (t) t.inRoot = true;
    else topics.set(r.topicId, { category: r.forumCategory, raw: r.forumCategoryRaw, inCodes: false, inRoot: true });
  }
  const forumCat = db.prepare('INSERT OR IGNORE INTO forum_categories (name, level) VALUES (?, ?)');
  for (const t of topics.values()) forumCat.run(t.category, levelOf(t.category));
  const topic = db.prepare(
    'INSERT INTO topics (id, forum_category, forum_category_raw, url, in_codes, in_root_causes) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const [id, t] of topics) topic.run(id, t.category, t.raw, topicUrl(id), t.inCodes ? 1 : 0, t.inRoot ? 1 : 0);

  const code = db.prepare(
    'INSERT INTO codes (topic_id, forum_category_raw, code, description, source_line) VALUES (?, ?, ?, ?, ?)',
  );
  for (const c of p.codes) code.run(c.topicId, c.forumCategoryRaw, c.code, c.description, c.line);

  const root = db.prepare(
    'INSERT INTO root_causes (topic_id, category_code, category_raw, subcategory_raw, forum_category_raw, question_code, answer_code, root_cause, source_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const topicCat = db.prepare(
    "INSERT OR IGNORE INTO topic_categories (topic_id, code, source, forum_category) VALUES (?, ?, 'root-causes', ?)",
  );
  for (const r of p.rootCauses) {
    const cc = codeOf.get(`challenge:${r.category}`)!;
    root.run(
      r.topicId,
      cc,
      r.categoryRaw,
      r.subcategoryRaw,
      r.forumCategoryRaw,
      r.questionCode,
      r.answerCode,
      r.rootCause,
      r.line,
    );
    topicCat.run(r.topicId, cc, topics.get(r.topicId)!.category);
  }

  const mention = db.prepare(
    "INSERT INTO forum_mentions (source, model_type, month, mentions) VALUES ('paper', ?, ?, ?)",
  );
  for (const r of p.forum.rows) mention.run(r.modelType, r.month, r.value);
  const upload = db.prepare("INSERT INTO hub_uploads (source, model_type, month, uploads) VALUES ('paper', ?, ?, ?)");
  for (const r of p.hub.rows) upload.run(r.modelType, r.month, r.value);
  const card = db.prepare("INSERT INTO card_stats (source, month, models, with_card) VALUES ('paper', ?, ?, ?)");
  for (const c of p.cards) card.run(c.month, c.models, c.withCard);

  const types = db.prepare(
    "INSERT INTO model_types (source, name, in_forum, in_hub) VALUES ('paper', ?, ?, ?) ON CONFLICT(source, name) DO UPDATE SET in_forum = max(in_forum, excluded.in_forum), in_hub = max(in_hub, excluded.in_hub)",
  );
  for (const t of p.forum.modelTypes) types.run(t, 1, 0);
  for (const t of p.hub.modelTypes) types.run(t, 0, 1);

  const win = db.prepare(
    "INSERT INTO series_windows (source, series, first_month, last_month, partial_last) VALUES ('paper', ?, ?, ?, ?)",
  );
  // The forum and Hub data were mined on 26 June 2023, so June 2023 is a partial month.
  win.run('forum', p.forum.months[0], p.forum.months.at(-1), p.forum.months.at(-1) === '2023-06' ? 1 : 0);
  win.run('hub', p.hub.months[0], p.hub.months.at(-1), p.hub.months.at(-1) === '2023-06' ? 1 : 0);
  win.run('cards', p.cards[0]!.month, p.cards.at(-1)!.month, 0);

  db.prepare(
    "INSERT INTO series_sources (source, dataset_version, description, built_at) VALUES ('paper', ?, ?, ?)",
  ).run(m.version, 'SANER 2024 replication package (mined June 2023)', m.builtAt);
  const file = db.prepare('INSERT INTO source_files (name, sha256, bytes, rows) VALUES (?, ?, ?, ?)');
  const rowsOf: Record<string, number> = {
    'Challenges.csv': p.codebook.filter((c) => c.kind === 'challenge').length,
    'Benefits.csv': p.codebook.filter((c) => c.kind === 'benefit').length,
    'Codebook.xlsx': p.overview.length,
    'All_Codes.csv': p.codes.length,
    'Root_Causes.csv': p.rootCauses.length,
    'Forums_Model_Mentions_Over_Time.csv': p.forum.modelTypes.length,
    'Hub_Model_Types_Over_Time_Created.csv': p.hub.modelTypes.length,
    'card_data_stats_months_created.csv': p.cards.length,
  };
  for (const f of p.files) file.run(f.name, f.sha256, f.bytes, rowsOf[f.name] ?? 0);
  const meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
  meta.run('dataset_version', m.version);
  meta.run('built_at', m.builtAt);
  meta.run('source_dir', m.sourceDir);
  meta.run('source_kind', m.sourceKind);
}
