import type Database from 'better-sqlite3';
import { SERIES_DDL } from './series-tables.js';
import type { SchemaModule } from './types.js';

/**
 * The mined file's side of the series (source = 'mined' rows of the series tables) and the running
 * counts they are read from (issue 17 item 3). Triggers keep the counts in step with every write to
 * hub_models, mention_matches and forum_topics, whoever makes it (the miners, the mention scan,
 * /verify, a topic or model that is gone), in the same transaction: so the series step of a
 * recompute reads a few thousand count rows instead of grouping 2.5 million models and every match.
 *
 * hub_month_counts: models per (creation month, model type), '' for a missing month or type; and how
 * many of them have a model card. mention_month_counts: topics per (model type, month the topic was
 * created) with a counted match (status auto or accepted), for topics that exist. Rows that reach
 * zero stay (they are read with > 0).
 */
const COUNTED = "('auto', 'accepted')";
const TOPIC_MONTH = (id: string) => `(SELECT substr(created_at, 1, 7) FROM forum_topics WHERE id = ${id})`;
const HUB_ADD = (r: 'new') => `INSERT INTO hub_month_counts (month, model_type, models, with_card)
    VALUES (coalesce(${r}.created_month, ''), coalesce(${r}.model_type, ''), 1, ${r}.has_card)
    ON CONFLICT (month, model_type) DO UPDATE SET models = models + 1, with_card = with_card + excluded.with_card;`;
const HUB_SUB = (r: 'old') => `UPDATE hub_month_counts SET models = models - 1, with_card = with_card - ${r}.has_card
    WHERE month = coalesce(${r}.created_month, '') AND model_type = coalesce(${r}.model_type, '');`;
const MENTION_ADD = (r: 'new') => `INSERT INTO mention_month_counts (model_type, month, topics)
    SELECT ${r}.model_type, substr(t.created_at, 1, 7), 1 FROM forum_topics t WHERE t.id = ${r}.topic_id AND ${r}.status IN ${COUNTED}
    ON CONFLICT (model_type, month) DO UPDATE SET topics = topics + 1;`;
const MENTION_SUB = (r: 'old') => `UPDATE mention_month_counts SET topics = topics - 1
    WHERE ${r}.status IN ${COUNTED} AND model_type = ${r}.model_type AND month = ${TOPIC_MONTH(`${r}.topic_id`)};`;
const TOPIC_ADD = (r: 'new') => `INSERT INTO mention_month_counts (model_type, month, topics)
    SELECT m.model_type, substr(${r}.created_at, 1, 7), 1 FROM mention_matches m WHERE m.topic_id = ${r}.id AND m.status IN ${COUNTED}
    ON CONFLICT (model_type, month) DO UPDATE SET topics = topics + 1;`;
const TOPIC_SUB = (r: 'old') => `UPDATE mention_month_counts SET topics = topics - 1
    WHERE month = substr(${r}.created_at, 1, 7)
      AND model_type IN (SELECT model_type FROM mention_matches WHERE topic_id = ${r}.id AND status IN ${COUNTED});`;

const COUNTS_DDL = `
-- State of the derived statistics (the mention scan's mark), kept with the data it describes.
CREATE TABLE IF NOT EXISTS mined_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS hub_month_counts (
  month TEXT NOT NULL, model_type TEXT NOT NULL, models INTEGER NOT NULL, with_card INTEGER NOT NULL,
  PRIMARY KEY (month, model_type)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS mention_month_counts (
  model_type TEXT NOT NULL, month TEXT NOT NULL, topics INTEGER NOT NULL,
  PRIMARY KEY (model_type, month)
) WITHOUT ROWID;`;

const TRIGGERS_DDL = `
CREATE TRIGGER IF NOT EXISTS hub_counts_insert AFTER INSERT ON hub_models BEGIN ${HUB_ADD('new')} END;
CREATE TRIGGER IF NOT EXISTS hub_counts_delete AFTER DELETE ON hub_models BEGIN ${HUB_SUB('old')} END;
CREATE TRIGGER IF NOT EXISTS hub_counts_update AFTER UPDATE OF created_month, model_type, has_card ON hub_models
  WHEN old.created_month IS NOT new.created_month OR old.model_type IS NOT new.model_type OR old.has_card IS NOT new.has_card
  BEGIN ${HUB_SUB('old')} ${HUB_ADD('new')} END;
CREATE TRIGGER IF NOT EXISTS mention_counts_insert AFTER INSERT ON mention_matches BEGIN ${MENTION_ADD('new')} END;
CREATE TRIGGER IF NOT EXISTS mention_counts_delete AFTER DELETE ON mention_matches BEGIN ${MENTION_SUB('old')} END;
CREATE TRIGGER IF NOT EXISTS mention_counts_update AFTER UPDATE OF status, model_type, topic_id ON mention_matches
  WHEN (old.status IN ${COUNTED}) <> (new.status IN ${COUNTED}) OR old.model_type <> new.model_type OR old.topic_id <> new.topic_id
  BEGIN ${MENTION_SUB('old')} ${MENTION_ADD('new')} END;
CREATE TRIGGER IF NOT EXISTS topic_counts_insert AFTER INSERT ON forum_topics BEGIN ${TOPIC_ADD('new')} END;
CREATE TRIGGER IF NOT EXISTS topic_counts_delete AFTER DELETE ON forum_topics BEGIN ${TOPIC_SUB('old')} END;
CREATE TRIGGER IF NOT EXISTS topic_counts_move AFTER UPDATE OF created_at ON forum_topics
  WHEN substr(old.created_at, 1, 7) IS NOT substr(new.created_at, 1, 7)
  BEGIN ${TOPIC_SUB('old')} ${TOPIC_ADD('new')} END;
-- The mention scan reads topics changed since its last run, and the series window the first and
-- last creation month: both by index, not by a scan of every topic.
CREATE INDEX IF NOT EXISTS forum_topics_fetched ON forum_topics(fetched_at);`;

/** The grouping queries the counts equal at every commit; also how they are filled the first time. */
export const RECOUNT = {
  hub: `SELECT coalesce(created_month, '') AS month, coalesce(model_type, '') AS model_type, count(*) AS models,
    sum(has_card) AS with_card FROM hub_models GROUP BY 1, 2`,
  mentions: `SELECT m.model_type, substr(t.created_at, 1, 7) AS month, count(*) AS topics FROM mention_matches m
    JOIN forum_topics t ON t.id = m.topic_id WHERE m.status IN ${COUNTED} GROUP BY 1, 2`,
};

/** A file mined before the counts existed gets them from one grouping query, once. */
function fillCounts(db: Database.Database): void {
  const has = (t: string) => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(t);
  if (has('hub_month_counts') || !has('hub_models') || !has('mention_matches') || !has('forum_topics')) return;
  db.transaction(() => {
    db.exec(COUNTS_DDL);
    db.exec(`INSERT INTO hub_month_counts (month, model_type, models, with_card) ${RECOUNT.hub}`);
    db.exec(`INSERT INTO mention_month_counts (model_type, month, topics) ${RECOUNT.mentions}`);
  })();
}

export const minedSeriesSchema: SchemaModule = {
  name: 'mined-series',
  file: 'mined',
  migrate: fillCounts,
  ddl: `${SERIES_DDL}${COUNTS_DDL}${TRIGGERS_DDL}`,
  carryOver: [
    // A dataset built before the mined file kept its mined series rows beside the paper's.
    { table: 'forum_mentions', where: "source <> 'paper'" },
    { table: 'hub_uploads', where: "source <> 'paper'" },
    { table: 'card_stats', where: "source <> 'paper'" },
    { table: 'series_sources', where: "source <> 'paper'" },
    { table: 'model_types', where: "source <> 'paper'" },
    { table: 'series_windows', where: "source <> 'paper'" },
  ],
};
