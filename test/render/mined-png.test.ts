/**
 * The charts that need mined data (source:both, /forum, over:), end to end: command -> spec -> PNG
 * that fits an inline chat preview, with no vega-lite warning. The mined rows are deterministic.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runCommandText } from '../../src/commands/run.js';
import { commands } from '../../src/commands/index.js';
import { renderReplyPng } from '../../src/render/reply-png.js';
import { createChartRenderer } from '../../src/render/render-chart.js';
import { monthRange } from '../../src/analysis/months.js';
import type { Services } from '../../src/commands/types.js';
import { testServices, testUser } from '../helpers/dataset.js';
import { mineFakeForum, topicsAt } from '../helpers/mined-forum.js';
import { pngSize } from './png-helpers.js';

let services: Services & { logger: { lines: { msg: string }[] } };

beforeAll(async () => {
  services = await testServices();
  const db = services.db;
  const months = monthRange('2022-04', '2023-09');
  db.transaction(() => {
    db.prepare("INSERT INTO series_sources VALUES ('mined', 'mined-png', 'png test rows', '2026-01-01')").run();
    for (const s of ['forum', 'hub', 'cards'])
      db.prepare("INSERT INTO series_windows VALUES ('mined', ?, '2022-04', '2023-09', 0)").run(s);
    const types = db.prepare("SELECT name, in_forum, in_hub FROM model_types WHERE source = 'paper'").all() as {
      name: string;
      in_forum: number;
      in_hub: number;
    }[];
    const f = db.prepare("INSERT INTO forum_mentions VALUES ('mined', ?, ?, ?)");
    const h = db.prepare("INSERT INTO hub_uploads VALUES ('mined', ?, ?, ?)");
    types.forEach((t, k) => {
      db.prepare("INSERT INTO model_types VALUES ('mined', ?, ?, ?)").run(t.name, t.in_forum, t.in_hub);
      months.forEach((m, i) => {
        if (t.in_forum) f.run(t.name, m, 1 + ((k * 7 + i * 3) % 11));
        if (t.in_hub) h.run(t.name, m, 1 + ((k * 13 + i * 5) % 97) * (k % 3 === 0 ? 10 : 1));
      });
    });
    const cards = db.prepare("INSERT INTO card_stats VALUES ('mined', ?, ?, ?)");
    months.forEach((m, i) => {
      cards.run(m, 1000 + 100 * i, 500 + 37 * i);
    });
  })();
  const coded = db.prepare('SELECT DISTINCT topic_id AS id FROM topic_categories').all() as { id: number }[];
  await mineFakeForum(
    db,
    topicsAt(
      coded.map((t, i) => ({
        id: t.id,
        createdAt: `${2020 + (i % 4)}-0${1 + (i % 9)}-10T12:00:00.000Z`,
        category: ['Beginners', 'Intermediate', '🤗Transformers'][i % 3]!,
      })),
    ),
  );
});

describe('render/mined charts', () => {
  it.each([
    '/trend llama bert source:both',
    '/trends source:both',
    '/popular source:both',
    '/cards source:both',
    '/forum',
    '/forum cumulative:false',
    '/challenges over:year',
    '/challenges over:quarter',
  ])('%s renders a chat-sized PNG without warnings', async (cmd) => {
    const reply = await runCommandText(cmd, { user: testUser(), services }, commands);
    expect(reply.error).toBeUndefined();
    const size = pngSize(await renderReplyPng(reply, services, createChartRenderer()));
    expect(size.width).toBeGreaterThanOrEqual(1000);
    expect(size.width).toBeLessThanOrEqual(1600);
    expect(size.height).toBeLessThanOrEqual(2100);
    expect(services.logger.lines.filter((l) => l.msg === 'chart spec warning')).toEqual([]);
  });

  // Last, as it rewrites the shared source row. The miner describes its source in one long line
  // (src/data/derive/series.ts); the footer of a source:both chart names both sources, so without a
  // title limit that line alone widened /cards source:both to 2,898 px.
  it.each(['/cards source:both', '/popular source:both'])(
    '%s stays chat-sized with a mined source described at real length',
    async (cmd) => {
      services.db
        .prepare("UPDATE series_sources SET description = ? WHERE source = 'mined'")
        .run(
          'Mined from the HuggingFace Forums and Hub: 12,345 topics (67,890 model mentions), 1,234,567 models (456,789 of a valid base type)',
        );
      const reply = await runCommandText(cmd, { user: testUser(), services }, commands);
      expect(reply.error).toBeUndefined();
      const size = pngSize(await renderReplyPng(reply, services, createChartRenderer()));
      expect(size.width).toBeLessThanOrEqual(1600);
    },
  );
});
