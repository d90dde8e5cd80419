import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { virtualClock } from '../../../src/data/miners/http.js';
import { MineStoppedError } from '../../../src/data/miners/failures.js';
import { nextLink, toHubRow } from '../../../src/data/miners/hub/parse.js';
import {
  MODEL_TYPES_FILE,
  parseModelTypeList,
  readModelTypes,
  writeModelTypes,
} from '../../../src/data/miners/hub/model-types.js';
import { deriveSeries } from '../../../src/data/derive/series.js';
import type { HfbotError } from '../../../src/errors.js';
import { startFaultyServer } from '../../helpers/fake-discourse.js';
import {
  createdMonthOf,
  fakeModel,
  hubIdOf,
  startFakeHub,
  type FakeHub,
  type FakeModel,
} from '../../helpers/fake-hub.js';
import { count, fresh, mineH, testHttp } from '../../helpers/miners.js';

const N = 20_000;
/** The fake's opaque cursor for the page that starts at model k*1000. */
const cursorAt = (k: number) => Buffer.from(JSON.stringify({ after: k * 1000 - 1 })).toString('base64url');
const onPage = (k: number) => (p: string) => new URL(p, 'http://x').searchParams.get('cursor') === cursorAt(k);

describe('data/miners/hub', () => {
  let hub: FakeHub;
  beforeAll(async () => {
    hub = await startFakeHub(N);
  });
  afterAll(() => hub.close());

  it('streams every page through the Link cursor and stores one row per model, keyed by its _id', async () => {
    const db = fresh();
    const r = await mineH(db, hub.base);
    expect(r).toMatchObject({ pages: 20, models: N, newModels: N, requests: 20, skipped: [], partial: false });
    expect(count(db, 'SELECT count(*) FROM hub_models')).toBe(N);
    // Independent reference: the generator's own values for every model.
    const want = new Map<string, number>();
    let cards = 0;
    for (let i = 0; i < N; i++) {
      const m = fakeModel(i) as FakeModel;
      if (m.cardData && Object.keys(m.cardData).length) cards++;
      if (m.config?.model_type === 'bert') want.set(createdMonthOf(i), (want.get(createdMonthOf(i)) ?? 0) + 1);
    }
    const got = db
      .prepare("SELECT created_month, count(*) AS c FROM hub_models WHERE model_type = 'bert' GROUP BY created_month")
      .all() as { created_month: string; c: number }[];
    expect(new Map(got.map((g) => [g.created_month, g.c]))).toEqual(want);
    expect(count(db, 'SELECT sum(has_card) FROM hub_models')).toBe(cards);
    const seven = fakeModel(7) as FakeModel;
    expect(db.prepare('SELECT hub_id, id, created_month FROM hub_models WHERE hub_id = ?').get(hubIdOf(7))).toEqual({
      hub_id: seven._id,
      id: seven.id,
      created_month: createdMonthOf(7),
    });

    hub.addModels(1500);
    const again = await mineH(db, hub.base);
    // 1,000 new on page 1; page 2 holds the other 500 and the checkpoint.
    expect(again).toMatchObject({ pages: 2, newModels: 1500, reachedCheckpoint: true, requests: 2, full: false });
    expect(count(db, 'SELECT count(*) FROM hub_models')).toBe(N + 1500);
    hub.state.first = 0;
  });

  it('rides out 429, 500, cut bodies and resets; a malformed page is skipped by its URL and the run says it is partial', async () => {
    const db = fresh();
    hub.inject({ kind: 'status', status: 429, retryAfter: '5', match: onPage(2) });
    hub.inject({ kind: 'status', status: 500, match: onPage(3) });
    hub.inject({ kind: 'truncate', match: onPage(4) });
    hub.inject({ kind: 'reset', match: onPage(5) });
    hub.inject({ kind: 'badjson', match: onPage(7) });
    const r = await mineH(db, hub.base);
    expect(hub.pending()).toBe(0);
    expect(r.partial).toBe(true);
    expect(r.skipped).toHaveLength(1);
    expect(r.skipped[0]!.url).toContain(cursorAt(7));
    expect(count(db, 'SELECT count(*) FROM hub_models')).toBe(N - 1000);
    // The skipped page keeps the checkpoint where it was, so the next run reads it again.
    expect(db.prepare('SELECT newest_created_at FROM hub_checkpoint').pluck().get()).toBeNull();
    expect((await mineH(db, hub.base)).partial).toBe(false);
    expect(count(db, 'SELECT count(*) FROM hub_models')).toBe(N);
  });

  it('an error stops the run after committing what it read; the next run resumes at the page that failed', async () => {
    const db = fresh();
    hub.inject({ kind: 'status', status: 502, times: 3, match: onPage(5) });
    const err = await mineH(db, hub.base, { http: testHttp({ maxTries: 3 }), batchRows: 50_000 }).catch(
      (e: unknown) => e,
    );
    expect((err as HfbotError).code).toBe('E_NETWORK');
    // Nothing read is lost even with a batch larger than the run: pages 0-4 were committed on the way out.
    expect(count(db, 'SELECT count(*) FROM hub_models')).toBe(5000);
    const before = hub.requests.length;
    const r = await mineH(db, hub.base);
    expect(r).toMatchObject({ resumed: true, pages: 15 });
    expect(hub.requests[before]).toContain(cursorAt(5));
    expect(count(db, 'SELECT count(*) FROM hub_models')).toBe(N);
    expect(
      count(db, 'SELECT count(*) FROM hub_checkpoint WHERE run_next_url IS NULL AND newest_created_at IS NOT NULL'),
    ).toBe(1);
  });

  it('a model listed twice in one batch is stored once, with the values it was listed with last', async () => {
    // 130 entries over two pages, ids 0-64 twice: the later copy says text-generation. 65 rows span
    // a multi-row statement and the single-row rest, and duplicates sit in the same statement.
    const entry = (k: number, tag: string) => ({
      _id: `6600000000000000000000${String(k).padStart(2, '0')}`,
      id: `u/m-${String(k).padStart(3, '0')}`,
      createdAt: '2024-05-01T00:00:00Z',
      pipeline_tag: tag,
      cardData: { license: 'mit' },
    });
    const pages = [
      [...Array(65).keys()].map((k) => entry(k, 'fill-mask')),
      [...Array(65).keys()].map((k) => entry(k, 'text-generation')),
    ];
    const srv = await startFaultyServer((url) => {
      const p = Number(url.searchParams.get('p') ?? 0);
      return {
        status: 200,
        body: JSON.stringify(pages[p]),
        headers: p === 0 ? { link: '</api/models?p=1>; rel="next"' } : undefined,
      };
    });
    try {
      const db = fresh();
      const r = await mineH(db, srv.base, { batchRows: 1000 });
      expect(r).toMatchObject({ pages: 2, models: 130, newModels: 65 });
      expect(db.prepare('SELECT pipeline_tag, count(*) AS c FROM hub_models GROUP BY pipeline_tag').all()).toEqual([
        { pipeline_tag: 'text-generation', c: 65 },
      ]);
    } finally {
      await srv.close();
    }
  });
});

describe('data/miners/hub against the Hub as documented', () => {
  let hub: FakeHub;
  afterEach(() => hub?.close());

  it('waits out a RateLimit 429 (no Retry-After) until the 5-minute window resets, shown as a wait', async () => {
    const clock = virtualClock(Date.parse('2026-01-01T00:00:00Z'));
    hub = await startFakeHub(8000, { rateLimit: { max: 3, windowMs: 300_000, now: clock.now } });
    const waits: { ms: number; detail: string }[] = [];
    const db = fresh();
    const r = await mineH(db, hub.base, {
      http: testHttp({ onWait: (w) => waits.push(w) }, clock),
      now: () => new Date(clock.now()),
    });
    expect(r).toMatchObject({ models: 8000, partial: false });
    // 8 pages at 3 a window: the miner pauses when a page says r=0 (before earning a 429), until reset + 1 s.
    expect(waits.length).toBeGreaterThanOrEqual(2);
    for (const w of waits) {
      expect(w.ms).toBeGreaterThan(0);
      expect(w.ms).toBeLessThanOrEqual(301_000);
    }
    expect(hub.requests.length).toBeLessThanOrEqual(8 + 2);
  });

  it('a 429 with RateLimit headers is waited out, not backed off 1+2+4+8 s and given up', async () => {
    const clock = virtualClock();
    hub = await startFakeHub(3000);
    const headers = { ratelimit: '"api";r=0;t=240', 'ratelimit-policy': '"fixed window";"api";q=500;w=300' };
    hub.inject({ kind: 'status', status: 429, headers, body: '{"error":"rate limited"}', times: 2, match: onPage(1) });
    const db = fresh();
    const r = await mineH(db, hub.base, { http: testHttp({}, clock) });
    expect(r).toMatchObject({ models: 3000, partial: false });
    expect(clock.slept.filter((ms) => ms >= 1000)).toEqual([241_000, 241_000]);
  });

  it('a bad HF_TOKEN (401 on every request) fails the run with the URL and the Hub\'s reason, never "0 models read"', async () => {
    hub = await startFakeHub(3000, { token: 'hf_good' });
    const db = fresh();
    const http = testHttp({ headers: { authorization: 'Bearer hf_bad' } });
    const err = (await mineH(db, hub.base, { http }).catch((e: unknown) => e)) as MineStoppedError;
    expect(err).toBeInstanceOf(MineStoppedError);
    expect(err.status).toBe(401);
    expect(err.message).toMatch(
      /^The Hub refused http:\/\/127\.0\.0\.1:\d+\/api\/models\?limit=1000&.*: HTTP 401 \(Invalid credentials in Authorization header\)\. Nothing was mined; the run failed\.$/,
    );
    expect(err.hint).toContain('HF_TOKEN');
    expect(hub.requests).toHaveLength(1);
    expect(count(db, 'SELECT count(*) FROM hub_checkpoint WHERE last_finished_at IS NOT NULL')).toBe(0);
    // With the right token it works, and sees the private models too.
    hub.makePrivate(5);
    const ok = await mineH(db, hub.base, { http: testHttp({ headers: { authorization: 'Bearer hf_good' } }) });
    expect(ok.models).toBe(3000);
  });

  it('a wrong base URL (404 on the model list) fails the run at once, naming the URL and the status', async () => {
    // Any server without /api/models: here a forum's host, which answers 404 with an HTML page.
    const wrong = await startFaultyServer(() => ({ status: 404, body: '<html>Page not found</html>' }));
    try {
      const db = fresh();
      const err = (await mineH(db, `${wrong.base}/forum`).catch((e: unknown) => e)) as MineStoppedError;
      expect(err).toBeInstanceOf(MineStoppedError);
      expect(err.status).toBe(404);
      expect(err.message).toMatch(
        /^The Hub has no model list at http:\/\/127\.0\.0\.1:\d+\/forum\/api\/models\?limit=1000&.*: HTTP 404\. The run failed/,
      );
      expect(err.hint).toContain('HFBOT_HUB_URL');
      expect(wrong.requests).toHaveLength(1);
      expect(count(db, 'SELECT count(*) FROM hub_checkpoint WHERE last_finished_at IS NOT NULL')).toBe(0);
    } finally {
      await wrong.close();
    }
  });

  it('a page that keeps answering something else (a CDN challenge, no Link) stops the run after three in a row; what came before is kept', async () => {
    hub = await startFakeHub(5000);
    const challenge = { 'content-type': 'text/html; charset=utf-8' };
    hub.inject({
      kind: 'status',
      status: 200,
      headers: challenge,
      body: '<html>Checking your browser</html>',
      times: Number.POSITIVE_INFINITY,
      match: onPage(2),
    });
    const db = fresh();
    const err = (await mineH(db, hub.base).catch((e: unknown) => e)) as MineStoppedError;
    expect(err).toBeInstanceOf(MineStoppedError);
    expect(err.message).toMatch(
      new RegExp(
        `^3 failures of the same kind in a row, the last at http://127\\.0\\.0\\.1:\\d+/api/models\\?.*cursor=${cursorAt(2)} \\(HTTP 200: .*not JSON`,
      ),
    );
    // Pages 0 and 1, then page 2 three times; pages 0-1 are stored and the next run resumes at page 2.
    expect(hub.requests).toHaveLength(5);
    expect(count(db, 'SELECT count(*) FROM hub_models')).toBe(2000);
    expect(db.prepare('SELECT run_next_url FROM hub_checkpoint').pluck().get()).toContain(cursorAt(2));
  });

  it('a last page cut without its Link is asked for again, not taken for the end of the list', async () => {
    hub = await startFakeHub(3000);
    // A malformed answer without the Link header: nothing says whether more pages follow.
    hub.inject({ kind: 'status', status: 200, body: '{"_id": "6', match: onPage(1) });
    const r = await mineH(fresh(), hub.base);
    expect(r).toMatchObject({ models: 3000, partial: false, skipped: [] });
    expect(hub.requests.filter(onPage(1))).toHaveLength(2);
  });

  it('--full moves renamed repos and drops deleted or private ones from the counts, the series and the card ratios', async () => {
    hub = await startFakeHub(3041);
    const db = fresh();
    await mineH(db, hub.base);
    const renamed = [3, 400, 2999];
    const gone = Array.from({ length: 30 }, (_, k) => 10 + k * 97);
    for (const i of gone.slice(0, 25)) hub.remove(i);
    for (const i of gone.slice(25)) hub.makePrivate(i);
    // An incremental run reads only what is newer than its last run: deletions stay unseen.
    const incremental = await mineH(db, hub.base);
    expect(incremental).toMatchObject({ full: false, goneModels: 0 });
    expect(count(db, 'SELECT count(*) FROM hub_models')).toBe(3041);
    for (const i of renamed) hub.rename(i, `new-owner/renamed-${i}`);
    const r = await mineH(db, hub.base, { full: true });
    expect(r).toMatchObject({ full: true, models: 3011, goneModels: 30, renamed: 3, newModels: 0, partial: false });
    expect(count(db, 'SELECT count(*) FROM hub_models')).toBe(3011);
    for (const i of renamed)
      expect(db.prepare('SELECT id FROM hub_models WHERE hub_id = ?').pluck().get(hubIdOf(i))).toBe(
        `new-owner/renamed-${i}`,
      );
    expect(count(db, "SELECT count(*) FROM hub_models WHERE id LIKE 'user%/model-3'")).toBe(0);
    expect(count(db, 'SELECT count(*) FROM hub_gone')).toBe(30);
    // Independent reference: card share over the models still listed.
    const live = [...Array(3041).keys()].filter((i) => !gone.includes(i));
    const withCard = live.filter((i) => {
      const c = (fakeModel(i) as FakeModel).cardData;
      return c && Object.keys(c).length > 0;
    }).length;
    expect(count(db, 'SELECT sum(has_card) FROM hub_models')).toBe(withCard);
    // And the mined series built from them: uploads of valid types and the card ratios.
    const types = readModelTypes();
    deriveSeries(db, types, () => new Date('2026-11-22T12:00:00Z'));
    const valid = live.filter((i) => {
      const t = (fakeModel(i) as FakeModel).config?.model_type;
      return typeof t === 'string' && types.includes(t);
    }).length;
    expect(count(db, "SELECT sum(uploads) FROM hub_uploads WHERE source = 'mined'")).toBe(valid);
    expect(count(db, "SELECT sum(models) FROM card_stats WHERE source = 'mined'")).toBe(3011);
    expect(count(db, "SELECT sum(with_card) FROM card_stats WHERE source = 'mined'")).toBe(withCard);
  });

  it('an entry with a malformed optional field is stored with that field empty and counted; one without a name is left out', async () => {
    hub = await startFakeHub(2500);
    hub.corrupt(11, { config: 'bert' });
    hub.corrupt(12, { cardData: ['license: mit'] });
    hub.corrupt(13, { createdAt: 'last week' });
    hub.corrupt(14, { id: null });
    const db = fresh();
    const r = await mineH(db, hub.base);
    expect(r).toMatchObject({ models: 2499, warnings: 3, badEntries: 1, partial: true });
    expect(r.warningSamples).toEqual([
      `${(fakeModel(11) as FakeModel).id}: config: expected an object`,
      `${(fakeModel(12) as FakeModel).id}: cardData: expected an object`,
      `${(fakeModel(13) as FakeModel).id}: createdAt: expected a date`,
    ]);
    expect(
      db.prepare('SELECT model_type, has_card, created_month FROM hub_models WHERE hub_id = ?').get(hubIdOf(11)),
    ).toMatchObject({ model_type: null });
    expect(db.prepare('SELECT has_card FROM hub_models WHERE hub_id = ?').pluck().get(hubIdOf(12))).toBe(0);
    expect(db.prepare('SELECT created_month FROM hub_models WHERE hub_id = ?').pluck().get(hubIdOf(13))).toBeNull();
  });

  it('rows mined before _id was kept (keyed by name) are replaced by their real _id, not duplicated', async () => {
    hub = await startFakeHub(1200);
    const db = fresh();
    const m = fakeModel(4) as FakeModel;
    db.prepare(
      "INSERT INTO hub_models (hub_id, id, author, created_month, model_type, has_card) VALUES (?, ?, 'x', '2020-01', 'bert', 1)",
    ).run(`name:${m.id}`, m.id);
    await mineH(db, hub.base);
    expect(count(db, 'SELECT count(*) FROM hub_models')).toBe(1200);
    expect(db.prepare('SELECT hub_id, created_month FROM hub_models WHERE id = ?').get(m.id)).toEqual({
      hub_id: m._id,
      created_month: createdMonthOf(4),
    });
  });
});

describe('data/miners/hub parsing', () => {
  it('finds rel="next" among several links and resolves relative ones', () => {
    expect(
      nextLink(
        '<https://hf.co/api/models?cursor=a>; rel="prev", <https://hf.co/api/models?cursor=b>; rel="next"',
        'https://hf.co/api/models',
      ),
    ).toBe('https://hf.co/api/models?cursor=b');
    expect(nextLink('</api/models?cursor=c>; rel=next', 'https://huggingface.co/api/models?limit=5')).toBe(
      'https://huggingface.co/api/models?cursor=c',
    );
    expect(nextLink('<https://x/a>; rel="last"', 'https://x')).toBeNull();
    expect(nextLink(null, 'https://x')).toBeNull();
  });

  it('reduces a Hub entry to its row, keyed by _id', () => {
    // The shape of a real entry (huggingface_hub tests/cassettes: google-bert/bert-base-uncased).
    expect(
      toHubRow({
        _id: '621ffdc036468d709f174338',
        id: 'google-bert/bert-base-uncased',
        modelId: 'google-bert/bert-base-uncased',
        createdAt: '2022-03-02T23:29:04.000Z',
        config: { model_type: 'bert', architectures: ['BertForMaskedLM'] },
        cardData: { license: 'apache-2.0' },
        pipeline_tag: 'fill-mask',
        library_name: 'transformers',
      }),
    ).toEqual({
      row: {
        hub_id: '621ffdc036468d709f174338',
        id: 'google-bert/bert-base-uncased',
        author: 'google-bert',
        created_month: '2022-03',
        created_at: '2022-03-02T23:29:04.000Z',
        model_type: 'bert',
        has_card: 1,
        pipeline_tag: 'fill-mask',
        library: 'transformers',
      },
      warnings: [],
    });
    // No _id (an older listing): keyed by name.
    expect(toHubRow({ id: 'gpt2', cardData: {} })).toMatchObject({
      row: { hub_id: 'name:gpt2', author: null, has_card: 0, model_type: null },
      warnings: [],
    });
    expect(toHubRow({ id: 5 })).toMatch(/^id: /);
    expect(toHubRow(null)).toBe('(entry): expected an object');
  });

  it('the quick path and the careful one agree: only the malformed fields are emptied', () => {
    const cases: [unknown, string[] | string][] = [
      [{ _id: 'a', id: 'a/b' }, []],
      [{ _id: 'a', id: '' }, 'id'],
      [{ _id: 'a', id: 'a', author: 5 }, ['author: expected text']],
      [{ _id: 'a', id: 'a', config: [] }, ['config: expected an object']],
      [{ _id: 'a', id: 'a', config: null }, []],
      [{ _id: 'a', id: 'a', cardData: 'x' }, ['cardData: expected an object']],
      [{ _id: 7, id: 'a' }, ['_id: expected a string']],
      [{ _id: 'a', id: 'a', pipeline_tag: null, library_name: 'x', createdAt: '2023-01-01' }, []],
      [{ _id: 'a', id: 'a', config: { model_type: 3 } }, ['config.model_type: expected text']],
      [[], 'entry'],
    ];
    for (const [entry, want] of cases) {
      const got = toHubRow(entry);
      if (typeof want === 'string') expect(got).toMatch(new RegExp(want));
      else expect(typeof got === 'string' ? got : got.warnings).toEqual(want);
    }
  });
});

describe('data/miners/hub/model-types', () => {
  it('the committed list holds the replication package names', () => {
    const types = readModelTypes();
    expect(types).toHaveLength(173);
    for (const t of ['bert', 'gpt2', 'llama', 'whisper', 'xlm-roberta', 'gpt_neox', 'open-llama', 'qdqbert'])
      expect(types).toContain(t);
  });

  it("reads Transformers' CONFIG_MAPPING_NAMES and rewrites the list keeping its header", () => {
    const py = `CONFIG_MAPPING_NAMES = OrderedDict(\n    [\n        # Add configs here\n        ("albert", "AlbertConfig"),\n        ("llama", "LlamaConfig"),\n        ("qwen2", "Qwen2Config"),\n    ]\n)\nCONFIG_ARCHIVE_MAP_MAPPING_NAMES = OrderedDict(\n    [\n        ("bert", "BERT_PRETRAINED_CONFIG_ARCHIVE_MAP"),\n    ]\n)\n`;
    expect(parseModelTypeList(py, 'configuration_auto.py')).toEqual(['albert', 'llama', 'qwen2']);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hfbot-types-'));
    const file = path.join(dir, 'model-types.txt');
    writeFileSync(file, readFileSync(MODEL_TYPES_FILE, 'utf8'));
    const diff = writeModelTypes(['albert', 'llama', 'qwen2'], file);
    expect(diff.added).toEqual(['qwen2']);
    expect(diff.removed).toHaveLength(171);
    expect(readFileSync(file, 'utf8').startsWith('# Valid base model types')).toBe(true);
    expect(() => parseModelTypeList('BERT base\n', 'x.txt')).toThrow(/not model type names: "BERT base"/);
  });
});
