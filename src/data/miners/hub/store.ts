/**
 * SQLite side of the Hub miner: batched upserts keyed by the Hub's _id (a renamed repo keeps its
 * row and takes the new name), the checkpoint, and the end of a full run, when models it did not
 * see leave hub_models for hub_gone.
 */
import type { Db } from '../../db.js';
import type { HubRow } from './parse.js';

export interface HubCheckpoint {
  base_url: string;
  newest_created_at: string | null;
  run_next_url: string | null;
  run_newest: string | null;
  run_started_at: string | null;
  run_models: number;
  last_finished_at: string | null;
  run_full: number | null;
  run_partial: string | null;
}

const COLS = [
  'hub_id',
  'id',
  'author',
  'created_month',
  'model_type',
  'has_card',
  'pipeline_tag',
  'library',
  'seen_run',
];
const UPSERT_ROWS = 50;

export function hubStore(db: Db) {
  const upsertSql = (rows: number) => `INSERT INTO hub_models (${COLS.join(', ')})
    VALUES ${Array<string>(rows)
      .fill(`(${COLS.map(() => '?').join(', ')})`)
      .join(', ')}
    ON CONFLICT(hub_id) DO UPDATE SET id = excluded.id, author = excluded.author, created_month = excluded.created_month,
      model_type = excluded.model_type, has_card = excluded.has_card, pipeline_tag = excluded.pipeline_tag,
      library = excluded.library, seen_run = excluded.seen_run`;
  // Rows go in UPSERT_ROWS at a time: one statement step per 50 rows instead of per row took a
  // fifth off the SQLite time in a 400,000-row test. Rows of one statement are applied in order,
  // so a model listed twice in a batch ends with its later values, as with one row per statement.
  const one = db.prepare(upsertSql(1));
  const many = db.prepare(upsertSql(UPSERT_ROWS));
  const params: unknown[] = new Array<unknown>(UPSERT_ROWS * COLS.length);
  const s = {
    get: db.prepare('SELECT * FROM hub_checkpoint WHERE base_url = ?'),
    put: db.prepare(`INSERT INTO hub_checkpoint (base_url, newest_created_at, run_next_url, run_newest, run_started_at,
      run_models, last_finished_at, run_full, run_partial)
      VALUES (@base_url, @newest_created_at, @run_next_url, @run_newest, @run_started_at, @run_models, @last_finished_at,
      @run_full, @run_partial)
      ON CONFLICT(base_url) DO UPDATE SET newest_created_at = excluded.newest_created_at, run_next_url = excluded.run_next_url,
      run_newest = excluded.run_newest, run_started_at = excluded.run_started_at, run_models = excluded.run_models,
      last_finished_at = excluded.last_finished_at, run_full = excluded.run_full, run_partial = excluded.run_partial`),
    legacy: db.prepare("SELECT EXISTS (SELECT 1 FROM hub_models WHERE hub_id >= 'name:' AND hub_id < 'name;')").pluck(),
    dropLegacy: db.prepare("DELETE FROM hub_models WHERE hub_id = 'name:' || ?"),
    names: db.prepare('SELECT hub_id, id FROM hub_models WHERE hub_id IN (SELECT value FROM json_each(?))'),
    count: db.prepare('SELECT count(*) FROM hub_models').pluck(),
    unseen: db.prepare('SELECT count(*) FROM hub_models WHERE seen_run IS NOT ?').pluck(),
    tomb: db.prepare(`INSERT OR REPLACE INTO hub_gone (hub_id, id, created_month, model_type, reason, gone_at)
      SELECT hub_id, id, created_month, model_type, ?, ? FROM hub_models WHERE seen_run IS NOT ?`),
    dropUnseen: db.prepare('DELETE FROM hub_models WHERE seen_run IS NOT ?'),
    unGone: db.prepare('DELETE FROM hub_gone WHERE hub_id IN (SELECT value FROM json_each(?))'),
  };
  let legacy: boolean | null = null;

  return {
    checkpoint: (base: string) => s.get.get(base) as HubCheckpoint | undefined,
    putCheckpoint: (cp: HubCheckpoint) => void s.put.run(cp),
    count: () => s.count.get() as number,
    /**
     * Writes a batch in key order (each B-tree page is journaled once per batch) and returns how
     * many rows changed name. `trackRenames` costs one lookup per batch; only a full run needs it.
     */
    upsert(rows: HubRow[], runId: number, trackRenames: boolean): number {
      rows.sort((a, b) => (a.hub_id < b.hub_id ? -1 : a.hub_id > b.hub_id ? 1 : 0));
      legacy ??= s.legacy.get() === 1;
      // Rows mined before _id was kept are keyed by name until their real _id shows up.
      if (legacy) for (const m of rows) if (!m.hub_id.startsWith('name:')) s.dropLegacy.run(m.id);
      let renamed = 0;
      if (trackRenames) {
        const ids = JSON.stringify(rows.map((r) => r.hub_id));
        const before = new Map((s.names.all(ids) as { hub_id: string; id: string }[]).map((r) => [r.hub_id, r.id]));
        for (const m of rows) if (before.has(m.hub_id) && before.get(m.hub_id) !== m.id) renamed++;
        s.unGone.run(ids);
      }
      const put = (p: unknown[], m: HubRow, at: number) => {
        p[at] = m.hub_id;
        p[at + 1] = m.id;
        p[at + 2] = m.author;
        p[at + 3] = m.created_month;
        p[at + 4] = m.model_type;
        p[at + 5] = m.has_card;
        p[at + 6] = m.pipeline_tag;
        p[at + 7] = m.library;
        p[at + 8] = runId;
      };
      let i = 0;
      for (; i + UPSERT_ROWS <= rows.length; i += UPSERT_ROWS) {
        for (let j = 0; j < UPSERT_ROWS; j++) put(params, rows[i + j]!, j * COLS.length);
        many.run(params);
      }
      const single = new Array<unknown>(COLS.length);
      for (const m of rows.slice(i)) {
        put(single, m, 0);
        one.run(single);
      }
      return renamed;
    },
    /** After a complete full run: every model it did not list is gone (deleted or made private). */
    sweepUnseen(runId: number, at: string): number {
      const n = s.unseen.get(runId) as number;
      if (n) {
        s.tomb.run('not listed by a full run (deleted or made private)', at, runId);
        s.dropUnseen.run(runId);
      }
      return n;
    },
  };
}
export type HubStore = ReturnType<typeof hubStore>;
