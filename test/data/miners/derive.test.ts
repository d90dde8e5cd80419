import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommandText } from '../../../src/commands/run.js';
import { commands } from '../../../src/commands/index.js';
import type { Services } from '../../../src/commands/types.js';
import { PoliteHttp, virtualClock } from '../../../src/data/miners/http.js';
import { mineForum } from '../../../src/data/miners/forum/mine.js';
import { mineHub } from '../../../src/data/miners/hub/mine.js';
import { readModelTypes } from '../../../src/data/miners/hub/model-types.js';
import { buildMentionMatcher } from '../../../src/analysis/mentions.js';
import { deriveMentions } from '../../../src/data/derive/mentions.js';
import { deriveSeries } from '../../../src/data/derive/series.js';
import { seriesSource } from '../../../src/data/queries/series.js';
import {
  generateTopics,
  startFakeDiscourse,
  type FakeDiscourse,
  type FakeTopic,
} from '../../helpers/fake-discourse.js';
import { createdMonthOf, fakeModel, startFakeHub, type FakeHub, type FakeModel } from '../../helpers/fake-hub.js';
import { testServices, testUser } from '../../helpers/dataset.js';

const http = () => {
  const c = virtualClock();
  return new PoliteHttp({ requestsPerMinute: 1e9, now: c.now, sleep: c.sleep });
};
const plain = (t: FakeTopic) => [t.title, ...t.posts.map((p) => p.cooked.replace(/<[^>]+>/g, ' '))].join('\n');
/** Independent of the matcher: topics per creation month whose text holds `re`. */
const topicsPerMonth = (topics: FakeTopic[], re: RegExp) => {
  const out = new Map<string, number>();
  for (const t of topics)
    if (re.test(plain(t))) out.set(t.created_at.slice(0, 7), (out.get(t.created_at.slice(0, 7)) ?? 0) + 1);
  return out;
};

describe('data/derive (mined series) and /verify', () => {
  let fd: FakeDiscourse;
  let hub: FakeHub;
  let services: Services;
  const topics = generateTopics(400, 7);
  const MODELS = 5000;
  const now = () => new Date('2026-11-22T12:00:00Z');
  beforeAll(async () => {
    [fd, hub, services] = await Promise.all([
      startFakeDiscourse(topics),
      startFakeHub(MODELS),
      testServices({ HFBOT_TEAM: 'test:ana,test:ben' }),
    ]);
    const { db, logger } = services;
    // One commit per topic is right for a polite miner, but fsync per commit would make this test slow.
    db.pragma('synchronous = OFF');
    await mineForum({ db, http: http(), baseUrl: fd.base, logger, now });
    await mineHub({ db, http: http(), baseUrl: hub.base, logger, now });
    const types = readModelTypes();
    deriveMentions(db, buildMentionMatcher(types), { now });
    deriveSeries(db, types, now);
  });
  afterAll(async () => {
    services.db.close();
    await Promise.all([fd.close(), hub.close()]);
  });
  const series = (table: string, col: string, type: string) =>
    new Map(
      (
        services.db
          .prepare(`SELECT month, ${col} AS n FROM ${table} WHERE source = 'mined' AND model_type = ?`)
          .all(type) as { month: string; n: number }[]
      ).map((r) => [r.month, r.n]),
    );

  it('counts forum mentions per topic creation month, one per topic and type', () => {
    expect(series('forum_mentions', 'mentions', 'whisper')).toEqual(topicsPerMonth(topics, /\bwhisper\b/i));
    expect(series('forum_mentions', 'mentions', 'bert')).toEqual(topicsPerMonth(topics, /(?<![a-z])bert(?![a-z])/i));
    expect(series('forum_mentions', 'mentions', 'gpt2')).toEqual(topicsPerMonth(topics, /\bgpt-?2\b/i));
  });

  it('counts Hub uploads of valid types only, and card ratios over all models', () => {
    const bert = new Map<string, number>();
    const cards = new Map<string, [number, number]>();
    for (let i = 0; i < MODELS; i++) {
      const m = fakeModel(i) as FakeModel;
      const month = createdMonthOf(i);
      if (m.config?.model_type === 'bert') bert.set(month, (bert.get(month) ?? 0) + 1);
      const c = cards.get(month) ?? [0, 0];
      cards.set(month, [c[0] + 1, c[1] + (m.cardData && Object.keys(m.cardData).length ? 1 : 0)]);
    }
    expect(series('hub_uploads', 'uploads', 'bert')).toEqual(bert);
    expect(series('hub_uploads', 'uploads', 'my-custom-model')).toEqual(new Map());
    const got = services.db.prepare("SELECT month, models, with_card FROM card_stats WHERE source = 'mined'").all() as {
      month: string;
      models: number;
      with_card: number;
    }[];
    expect(new Map(got.map((g) => [g.month, [g.models, g.with_card]]))).toEqual(cards);
  });

  it('marks the source, version and windows; the paper rows stay untouched', () => {
    const s = seriesSource(services.db, 'mined')!;
    expect(s.datasetVersion).toMatch(/^mined-2026-11-22-[0-9a-f]{8}$/);
    expect(s.windows.forum).toEqual({
      first: topics[0]!.created_at.slice(0, 7),
      last: topics.at(-1)!.created_at.slice(0, 7),
      partialLast: false,
    });
    expect(s.windows.hub?.last).toBe('2026-11');
    expect(s.windows.hub?.partialLast).toBe(true);
    expect(
      services.db.prepare("SELECT count(*) FROM forum_mentions WHERE source = 'paper'").pluck().get(),
    ).toBeGreaterThan(1000);
    // Same data, same version.
    expect(deriveSeries(services.db, readModelTypes(), now).version).toBe(s.datasetVersion);
  });

  it('/verify lists ordinary-word matches with their sentence; accepting one counts it, rejecting does not', async () => {
    const ask = (text: string, user = 'ana') => runCommandText(text, { user: testUser(user), services }, commands);
    const optTopics = topics.filter((t) => /I will opt for/.test(plain(t)));
    expect(optTopics.length).toBeGreaterThan(1);
    expect(series('forum_mentions', 'mentions', 'opt')).toEqual(new Map());
    const list = await ask('/verify list opt');
    expect(list.error).toBeUndefined();
    expect(list.data.total).toBe(optTopics.length);
    expect(list.text).toContain('"I will opt for a smaller batch."');
    expect(list.actions?.[0]).toMatchObject({ type: 'button', command: `/verify accept ${optTopics[0]!.id}:opt` });

    const before = seriesSource(services.db, 'mined')!.datasetVersion;
    const ok = await ask(`/verify accept ${optTopics[0]!.id}:opt`);
    expect(ok.error).toBeUndefined();
    expect(ok.data.datasetVersion).not.toBe(before);
    expect(series('forum_mentions', 'mentions', 'opt')).toEqual(new Map([[optTopics[0]!.created_at.slice(0, 7), 1]]));
    await ask(`/verify reject ${optTopics[1]!.id}:opt`, 'ben');
    expect(
      services.db
        .prepare('SELECT status, decided_by FROM mention_matches WHERE topic_id = ? AND model_type = ?')
        .get(optTopics[1]!.id, 'opt'),
    ).toEqual({ status: 'rejected', decided_by: 'test:ben' });
    expect((await ask('/verify list opt')).data.total).toBe(optTopics.length - 2);

    // A rescan of every topic keeps the decisions.
    deriveMentions(services.db, buildMentionMatcher(readModelTypes()), { all: true, now });
    expect(
      services.db
        .prepare("SELECT count(*) FROM mention_matches WHERE model_type = 'opt' AND status IN ('accepted', 'rejected')")
        .pluck()
        .get(),
    ).toBe(2);

    const bad = await ask('/verify accept banana');
    expect(bad.error?.code).toBe('E_BAD_VALUE');
    expect(bad.text).toContain('639:opt');
    const auto = await ask(`/verify reject ${topics.find((t) => /whisper/i.test(t.title))!.id}:whisper`);
    expect(auto.error?.code).toBe('E_CONFLICT');
  });
});
