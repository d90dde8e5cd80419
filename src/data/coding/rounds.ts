/** Rounds: creation (with the seeded draw), lookup, defaults, permissions, status. */
import type { Db } from '../db.js';
import { HfbotError } from '../../errors.js';
import { msg } from '../../messages/index.js';
import { drawSample } from '../../analysis/stratified-sample.js';
import { topicPool } from './pool.js';
import type { Scheme } from './scheme.js';
import { resyncRound } from './consensus.js';

export type Purpose = 'study' | 'practice';

export interface Round {
  id: number;
  name: string;
  owner: string;
  scheme: Scheme;
  seed: string;
  stratify: string | null;
  size: number;
  status: 'open' | 'closed';
  created_at: string;
  purpose: Purpose;
}

export interface NewRound {
  name: string;
  owner: string;
  raters: string[];
  size: number;
  scheme: Scheme;
  seed: string;
  stratify: string | null;
  purpose: Purpose;
  at: string;
}

export function createRound(db: Db, r: NewRound): { round: Round; topics: number } {
  return db
    .transaction(() => {
      const existing = db.prepare('SELECT owner FROM rounds WHERE name = ?').get(r.name) as
        | { owner: string }
        | undefined;
      if (existing)
        throw new HfbotError('E_CONFLICT', msg.coding.nameTaken(r.name), {
          hint: msg.coding.nameTakenHint,
        });
      const pool = topicPool(db);
      if (r.size > pool.length) throw new HfbotError('E_BAD_VALUE', msg.coding.sizeTooLarge(r.size, pool.length));
      const strata = new Map(pool.map((p) => [p.id, p.stratum]));
      const ids = drawSample(pool, r.size, r.seed, r.stratify !== null);
      const info = db
        .prepare(
          'INSERT INTO rounds (name, owner, scheme, seed, stratify, size, status, created_at, purpose) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(r.name, r.owner, r.scheme, r.seed, r.stratify, ids.length, 'open', r.at, r.purpose);
      const id = Number(info.lastInsertRowid);
      const addRater = db.prepare('INSERT OR IGNORE INTO round_raters (round_id, rater) VALUES (?, ?)');
      for (const rater of r.raters) addRater.run(id, rater);
      const addTopic = db.prepare(
        'INSERT INTO round_topics (round_id, topic_id, position, forum_category) VALUES (?, ?, ?, ?)',
      );
      for (const [i, t] of ids.entries()) addTopic.run(id, t, i + 1, strata.get(t)!);
      return { round: getRound(db, id)!, topics: ids.length };
    })
    .immediate();
}

export function getRound(db: Db, id: number): Round | undefined {
  return db.prepare('SELECT * FROM rounds WHERE id = ?').get(id) as Round | undefined;
}

/** `ref` is a round name or id; without it, the caller's most recent open round (as rater or owner). */
export function findRound(db: Db, ref: string | undefined, user: string, opts: { topic?: number } = {}): Round {
  if (ref !== undefined) {
    const r = (db.prepare('SELECT * FROM rounds WHERE name = ?').get(ref) ??
      (/^\d+$/.test(ref) ? getRound(db, Number(ref)) : undefined)) as Round | undefined;
    if (r) return r;
    const names = (db.prepare('SELECT name FROM rounds ORDER BY id DESC LIMIT 20').all() as { name: string }[]).map(
      (x) => x.name,
    );
    throw new HfbotError('E_NOT_FOUND', msg.coding.unknownRound(ref), {
      hint: names.length ? msg.coding.knownRounds(names) : msg.coding.startHint,
    });
  }
  const topicFilter =
    opts.topic !== undefined
      ? 'AND EXISTS (SELECT 1 FROM round_topics t WHERE t.round_id = r.id AND t.topic_id = ?)'
      : '';
  const r = db
    .prepare(
      `SELECT r.* FROM rounds r WHERE r.status = 'open' AND (r.owner = ? OR EXISTS (SELECT 1 FROM round_raters x WHERE x.round_id = r.id AND x.rater = ?)) ${topicFilter}
       ORDER BY EXISTS (SELECT 1 FROM round_raters x WHERE x.round_id = r.id AND x.rater = ?) DESC, r.id DESC LIMIT 1`,
    )
    .get(...[user, user, ...(opts.topic !== undefined ? [opts.topic] : []), user]) as Round | undefined;
  if (!r) throw new HfbotError('E_NOT_FOUND', msg.coding.noOpenRound, { hint: msg.coding.startHint });
  return r;
}

export function raters(db: Db, roundId: number): string[] {
  return (
    db.prepare('SELECT rater FROM round_raters WHERE round_id = ? ORDER BY rater').all(roundId) as { rater: string }[]
  ).map((r) => r.rater);
}

export function isRater(db: Db, roundId: number, user: string): boolean {
  return Boolean(db.prepare('SELECT 1 FROM round_raters WHERE round_id = ? AND rater = ?').get(roundId, user));
}

export interface RoundTopic {
  topic_id: number;
  position: number;
  forum_category: string;
}

export function roundTopics(db: Db, roundId: number): RoundTopic[] {
  return db
    .prepare('SELECT topic_id, position, forum_category FROM round_topics WHERE round_id = ? ORDER BY position')
    .all(roundId) as RoundTopic[];
}

export function roundTopic(db: Db, roundId: number, topic: number): RoundTopic | undefined {
  return db
    .prepare('SELECT topic_id, position, forum_category FROM round_topics WHERE round_id = ? AND topic_id = ?')
    .get(roundId, topic) as RoundTopic | undefined;
}

export function setStatus(db: Db, roundId: number, status: 'open' | 'closed'): void {
  db.transaction(() => db.prepare('UPDATE rounds SET status = ? WHERE id = ?').run(status, roundId)).immediate();
}

/** Study <-> practice; the round's topic categories follow in the same transaction. */
export function setPurpose(db: Db, roundId: number, purpose: Purpose): void {
  db.transaction(() => {
    db.prepare('UPDATE rounds SET purpose = ? WHERE id = ?').run(purpose, roundId);
    resyncRound(db, roundId);
  }).immediate();
}

/** The rounds behind topic_categories sources ('round:12'), in id order, for provenance lines. */
export function roundsOfSources(db: Db, sources: readonly string[]): Pick<Round, 'id' | 'name' | 'purpose'>[] {
  const ids = sources.flatMap((s) => (/^round:\d+$/.test(s) ? [Number(s.slice(6))] : []));
  const get = db.prepare('SELECT id, name, purpose FROM rounds WHERE id = ?');
  return ids
    .sort((a, b) => a - b)
    .flatMap((id) => {
      const r = get.get(id) as Pick<Round, 'id' | 'name' | 'purpose'> | undefined;
      return r ? [r] : [];
    });
}
