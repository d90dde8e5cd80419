/**
 * Every command of the registry run once through the real pipeline on the real dataset, with
 * the long answers of issue 13 (/trends, /cards, /taxonomy, /help code, /examples, /code export)
 * and /code agreement with 300 raters (issue 14 item 6): what the per-platform payload tests
 * (Discord, Slack, web) render and check against each platform's limits.
 */
import type { Reply } from '../../src/reply.js';
import type { Services } from '../../src/services.js';
import type { Platform } from '../../src/identity.js';
import { commands } from '../../src/commands/index.js';
import { createPipeline } from '../../src/commands/pipeline.js';
import { parseCommandText } from '../../src/commands/parse.js';
import { splitUmbrella } from '../../src/commands/prefix.js';
import { mineFakeForum, topicsAt } from '../helpers/mined-forum.js';

export interface Answer {
  line: string;
  user: string;
  reply: Reply;
}

export const CROWD = 300;

const topicsOf = (services: Services, round: string) =>
  (
    services.db
      .prepare(
        'SELECT topic_id FROM round_topics t JOIN rounds r ON r.id = t.round_id WHERE r.name = ? ORDER BY position',
      )
      .all(round) as { topic_id: number }[]
  ).map((r) => r.topic_id);

/** The registry command a line runs (null: the line is a deliberate mistake). */
export function commandOf(line: string): string | null {
  try {
    const text = splitUmbrella(line)?.text || line;
    return parseCommandText(text || 'help', commands).command.definition.name;
  } catch {
    return null;
  }
}

/**
 * Who runs the lines: the platform the answers are later asked on (coding rounds compare
 * namespaced references, so a round `test:olga` started is not `web:olga`'s to export) and
 * olga's id there (the round owner; the delivery tests ask the long answers as her). Raters are
 * typed names, resolved without a directory to `<platform>:<name>`.
 */
export interface Caller {
  platform: Platform;
  olga: string;
}

export async function everyCommand(
  services: Services,
  as: Caller = { platform: 'test', olga: 'olga' },
): Promise<Answer[]> {
  const pipeline = createPipeline({ services, commands });
  const out: Answer[] = [];
  const run = async (line: string, user = as.olga, keep = true) => {
    const reply = await pipeline.run({ text: line }, { user: { id: user, platform: as.platform } });
    if (keep) out.push({ line, user, reply });
    return reply;
  };
  // A two-rater round with labels, a disagreement and a free-text code that looks like a formula.
  await run('/code start name:r1 size:6 raters:alice,bob seed:r1');
  const ts = topicsOf(services, 'r1');
  await run('/code next r1', 'alice');
  const alice = ['C1', 'C2', 'C3', 'C1', 'C2'];
  const bob = ['C1', 'C2', 'C3', 'C2', 'C2'];
  for (let i = 0; i < alice.length; i++) {
    await run(`/code label ${ts[i]} ${alice[i]} round:r1 code:"=HYPERLINK(1) on topic ${i}"`, 'alice', i === 0);
    await run(`/code label ${ts[i]} ${bob[i]} round:r1`, 'bob', false);
  }
  await run(`/code skip ${ts[5]} round:r1`, 'alice');
  // 300 raters on 3 topics: 44,850 rater pairs. Labels go straight into the table (one
  // transaction): 900 label commands would take the test a minute and prove nothing more here.
  const raters = Array.from({ length: CROWD }, (_, i) => `rater${i}`);
  await run(`/code start name:crowd size:3 raters:${raters.join(',')} seed:crowd`, as.olga, false);
  const crowd = services.db.prepare("SELECT id FROM rounds WHERE name = 'crowd'").get() as { id: number };
  const insert = services.db.prepare(
    'INSERT INTO labels (round_id, topic_id, rater, code, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  // Stored as the round stores its raters (namespaced references), as /code label would.
  const refs = raters.map((r) => `${as.platform}:${r}`);
  const stored = new Set(
    (services.db.prepare('SELECT rater FROM round_raters WHERE round_id = ?').all(crowd.id) as { rater: string }[]).map(
      (r) => r.rater,
    ),
  );
  // Labels of anyone else would be ignored and the answer would silently say "no data".
  if (stored.size !== CROWD || refs.some((r) => !stored.has(r)))
    throw new Error(`every-command: the crowd round's raters are not ${refs[0]}...: ${[...stored].slice(0, 3)}`);
  services.db.transaction(() => {
    for (const [j, t] of topicsOf(services, 'crowd').entries())
      for (const [i, r] of refs.entries())
        insert.run(crowd.id, t, r, `C${1 + ((i * 7 + j) % 4)}`, '2026-01-01T00:00:00Z');
  })();
  // A mined forum (through the real miner and a fake Discourse) for /forum and over:year: the
  // coded topics, dated across 2021-2023 so each year has some.
  const coded = services.db
    .prepare('SELECT topic_id AS id, min(forum_category) AS category FROM topic_categories GROUP BY topic_id')
    .all() as { id: number; category: string }[];
  await mineFakeForum(
    services.db,
    topicsAt(
      coded.map((t, i) => ({
        id: t.id,
        createdAt: `${2021 + (i % 3)}-${String(1 + (i % 12)).padStart(2, '0')}-15T10:00:00Z`,
        category: t.category === 'Beginners' || t.category === 'Intermediate' ? t.category : '🤗Transformers',
      })),
    ),
  );
  const lines = [
    '/help',
    '/help code',
    '/hfbot help trend',
    '/dataset',
    '/trend llama',
    '/trend bert roberta t5 gpt2 bart',
    '/trends',
    '/popular',
    '/popular top:145',
    '/cards',
    '/challenges',
    '/challenges level:beginner',
    '/challenges level:compare',
    '/challenges over:year',
    '/forum',
    '/benefits',
    '/rootcauses',
    '/examples C1',
    '/examples C4',
    '/taxonomy',
    '/taxonomy benefits',
    '/verify',
    '/verify accept 1:llama',
    '/code plan population:11175',
    '/code status r1',
    '/code agreement r1',
    '/code agreement crowd',
    '/code disagreements r1',
    `/code resolve ${ts[3]} C2 round:r1`,
    '/code saturation r1 batch:2',
    '/code export r1',
    '/code close r1',
    '/code reopen r1',
    // Both ways, so that asking the lines again (web tests) answers the same.
    '/code purpose r1 study',
    '/code purpose r1 practice',
    // Mistakes get answers too.
    '/trnd llama',
    '/hfbot trend',
  ];
  for (const line of lines) await run(line);
  return out;
}
