import type { Db } from '../db.js';
import { getMeta } from '../db.js';

export interface DatasetInfo {
  version: string;
  builtAt: string;
  sourceKind: string;
  sourceDir: string;
  files: { name: string; sha256: string; bytes: number; rows: number }[];
  tables: Record<string, number>;
}

const COUNTED = [
  'taxonomy',
  'codebook',
  'topics',
  'codes',
  'root_causes',
  'topic_categories',
  'forum_mentions',
  'hub_uploads',
  'card_stats',
] as const;

export function datasetInfo(db: Db): DatasetInfo {
  const files = db
    .prepare('SELECT name, sha256, bytes, rows FROM source_files ORDER BY name')
    .all() as DatasetInfo['files'];
  const tables: Record<string, number> = {};
  for (const t of COUNTED) tables[t] = (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  return {
    version: getMeta(db, 'dataset_version') ?? 'unbuilt',
    builtAt: getMeta(db, 'built_at') ?? '',
    sourceKind: getMeta(db, 'source_kind') ?? '',
    sourceDir: getMeta(db, 'source_dir') ?? '',
    files,
    tables,
  };
}

/** The version id every reply cites. */
export function datasetVersion(db: Db): string {
  return getMeta(db, 'dataset_version') ?? 'unbuilt';
}
