/**
 * Display names of people by namespaced reference (slack:U0AAA1 -> "Alice Liddell"). Ids are what
 * rounds store and checks compare; names are only for reading, refreshed whenever a platform
 * tells us one (the round's start, a rater's own command).
 */
import type { Db } from '../db.js';
import { refId } from '../../identity.js';

export interface Person {
  ref: string;
  name: string;
}

export function rememberPeople(db: Db, people: readonly Person[], at: string): void {
  const upsert = db.prepare(
    'INSERT INTO people (ref, name, updated_at) VALUES (?, ?, ?) ON CONFLICT(ref) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at WHERE name <> excluded.name',
  );
  db.transaction(() => {
    for (const p of people) if (p.name.trim()) upsert.run(p.ref, p.name.trim().slice(0, 100), at);
  })();
}

/**
 * A readable, unique label per reference: the stored name, else the platform id; two people with
 * the same name are told apart by their id ("Alice (U0AAA1)").
 */
export function displayNames(db: Db, refs: readonly string[]): Map<string, string> {
  const get = db.prepare('SELECT name FROM people WHERE ref = ?');
  const base = new Map(refs.map((r) => [r, (get.get(r) as { name: string } | undefined)?.name ?? refId(r)]));
  const count = new Map<string, number>();
  for (const n of base.values()) count.set(n, (count.get(n) ?? 0) + 1);
  return new Map(refs.map((r) => [r, count.get(base.get(r)!)! > 1 ? `${base.get(r)} (${refId(r)})` : base.get(r)!]));
}

export const displayName = (db: Db, ref: string): string => displayNames(db, [ref]).get(ref)!;
