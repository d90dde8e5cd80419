import type { Db } from '../db.js';

export interface ModelType {
  name: string;
  inForum: boolean;
  inHub: boolean;
}

/** Model types one source knows, in either series (a type may be in one series only). */
export function modelTypes(db: Db, source: string): ModelType[] {
  const rows = db
    .prepare('SELECT name, in_forum, in_hub FROM model_types WHERE source = ? ORDER BY name')
    .all(source) as { name: string; in_forum: number; in_hub: number }[];
  return rows.map((r) => ({ name: r.name, inForum: r.in_forum === 1, inHub: r.in_hub === 1 }));
}
