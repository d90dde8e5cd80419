import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src/data/db.js';
import { PoliteHttp, virtualClock } from '../../../src/data/miners/http.js';
import { mineHub } from '../../../src/data/miners/hub/mine.js';
import { nextLink, toHubRow } from '../../../src/data/miners/hub/parse.js';
import {
  MODEL_TYPES_FILE,
  parseModelTypeList,
  readModelTypes,
  writeModelTypes,
} from '../../../src/data/miners/hub/model-types.js';
import type { HfbotError } from '../../../src/errors.js';
import { memoryLogger } from '../../../src/logger.js';
import { startFaultyServer } from '../../helpers/fake-discourse.js';
import { createdMonthOf, fakeModel, startFakeHub, type FakeHub, type FakeModel } from '../../helpers/fake-hub.js';

const http = (o: ConstructorParameters<typeof PoliteHttp>[0] = {}) => {
  const c = virtualClock();
  return new PoliteHttp({
    requestsPerMinute: 1e9,
    now: c.now,
    sleep: c.sleep,
    timeoutMs: 2000,
    backoffBaseMs: 10,
    ...o,
  });
};
const mine = (db: Db, baseUrl: string, extra: Partial<Parameters<typeof mineHub>[0]> = {}) =>
  mineHub({
    db,
    http: http(),
    baseUrl,
    logger: memoryLogger(),
    now: () => new Date('2026-11-22T12:00:00Z'),
    pageSize: 1000,
    batchRows: 2000,
    ...extra,
  });
const n = (db: Db, sql: string) => db.prepare(sql).pluck().get() as number;
const N = 20_000;

describe('data/miners/hub', () => {
  let hub: FakeHub;
  beforeAll(async () => {
    hub = await startFakeHub(N);
  });
  afterAll(() => hub.close());

  it('streams every page through the Link cursor and stores one row per model', async () => {
    const db = openDatabase(':memory:', { create: true });
    const r = await mine(db, hub.base);
    expect(r).toMatchObject({ pages: 20, models: N, newModels: N, requests: 20, skipped: [] });
    expect(n(db, 'SELECT count(*) FROM hub_models')).toBe(N);
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
    expect(n(db, 'SELECT sum(has_card) FROM hub_models')).toBe(cards);
    expect(
      db
        .prepare("SELECT * FROM hub_models WHERE id = 'user' || ? || '/model-7'")
        .get(String((fakeModel(7) as FakeModel).author.slice(4))),
    ).toMatchObject({ created_month: createdMonthOf(7) });

    hub.addModels(1500);
    const again = await mine(db, hub.base);
    // 1,000 new on page 1; page 2 holds the other 500 and the checkpoint.
    expect(again).toMatchObject({ pages: 2, newModels: 1500, reachedCheckpoint: true, requests: 2 });
    expect(n(db, 'SELECT count(*) FROM hub_models')).toBe(N + 1500);
    hub.state.first = 0;
  });

  it('rides out 429, 500, cut bodies and resets; skips a malformed page by its URL and keeps going', async () => {
    const db = openDatabase(':memory:', { create: true });
    const cursor = (k: number) => (p: string) =>
      p.includes(`cursor=${Buffer.from(String(k * 1000)).toString('base64url')}&`) ||
      p.endsWith(`cursor=${Buffer.from(String(k * 1000)).toString('base64url')}`);
    hub.inject({ kind: 'status', status: 429, retryAfter: '5', match: cursor(2) });
    hub.inject({ kind: 'status', status: 500, match: cursor(3) });
    hub.inject({ kind: 'truncate', match: cursor(4) });
    hub.inject({ kind: 'reset', match: cursor(5) });
    hub.inject({ kind: 'badjson', match: cursor(7) });
    const r = await mine(db, hub.base);
    expect(hub.pending()).toBe(0);
    expect(r.skipped).toHaveLength(1);
    expect(r.skipped[0]!.url).toContain(Buffer.from('7000').toString('base64url'));
    expect(n(db, 'SELECT count(*) FROM hub_models')).toBe(N - 1000);
    // The skipped page keeps the checkpoint where it was, so the next run reads it again.
    expect(n(db, 'SELECT newest_created_at FROM hub_checkpoint')).toBeNull();
  });

  it('an interrupted run resumes at the page after the last batch stored', async () => {
    const db = openDatabase(':memory:', { create: true });
    const at = Buffer.from('5000').toString('base64url');
    hub.inject({ kind: 'status', status: 502, times: 3, match: (p) => p.includes(at) });
    const err = await mine(db, hub.base, { http: http({ maxTries: 3 }) }).catch((e: unknown) => e);
    expect((err as HfbotError).code).toBe('E_NETWORK');
    // Batches of 2,000 models: pages 1-4 were committed, page 5 was read but not yet written.
    expect(n(db, 'SELECT count(*) FROM hub_models')).toBe(4000);
    const before = hub.pages();
    const r = await mine(db, hub.base);
    expect(r).toMatchObject({ resumed: true, pages: 16 });
    expect(hub.pages() - before).toBe(16);
    expect(n(db, 'SELECT count(*) FROM hub_models')).toBe(N);
    expect(
      n(db, 'SELECT count(*) FROM hub_checkpoint WHERE run_next_url IS NULL AND newest_created_at IS NOT NULL'),
    ).toBe(1);
  });

  it('a model listed twice in one batch is stored once, with the values it was listed with last', async () => {
    // 130 entries over two pages, ids 0-64 twice: the later copy says text-generation. 65 rows span
    // a multi-row statement and the single-row rest, and duplicates sit in the same statement.
    const entry = (k: number, tag: string) => ({
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
      const db = openDatabase(':memory:', { create: true });
      const r = await mine(db, srv.base, { batchRows: 1000 });
      expect(r).toMatchObject({ pages: 2, models: 130, newModels: 65 });
      expect(db.prepare('SELECT pipeline_tag, count(*) AS c FROM hub_models GROUP BY pipeline_tag').all()).toEqual([
        { pipeline_tag: 'text-generation', c: 65 },
      ]);
    } finally {
      await srv.close();
    }
  });

  it('skips entries that are not models and counts them', async () => {
    const bad = await startFakeHub(3000, { badEvery: 997 });
    try {
      const db = openDatabase(':memory:', { create: true });
      const r = await mine(db, bad.base);
      expect(r.badEntries).toBe(3);
      expect(n(db, 'SELECT count(*) FROM hub_models')).toBe(2997);
    } finally {
      await bad.close();
    }
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

  it('reduces a Hub entry to its row', () => {
    expect(
      toHubRow({
        _id: 'x',
        id: 'google-bert/bert-base-uncased',
        createdAt: '2022-03-02T23:29:04.000Z',
        config: { model_type: 'bert', architectures: ['BertForMaskedLM'] },
        cardData: { license: 'apache-2.0' },
        pipeline_tag: 'fill-mask',
        library_name: 'transformers',
      }),
    ).toEqual({
      id: 'google-bert/bert-base-uncased',
      author: 'google-bert',
      created_month: '2022-03',
      created_at: '2022-03-02T23:29:04.000Z',
      model_type: 'bert',
      has_card: 1,
      pipeline_tag: 'fill-mask',
      library: 'transformers',
    });
    expect(toHubRow({ id: 'gpt2', cardData: {} })).toMatchObject({ author: null, has_card: 0, model_type: null });
    expect(toHubRow({ id: 5 })).toMatch(/^id: /);
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

describe('data/miners/hub/parse quick check agrees with the zod schema', () => {
  it('accepts and rejects the same entries', () => {
    const cases: unknown[] = [
      { id: 'a/b' },
      { id: '' },
      { id: 'a', author: 5 },
      { id: 'a', config: [] },
      { id: 'a', config: null },
      { id: 'a', cardData: 'x' },
      { id: 'a', cardData: [] },
      { id: 'a', pipeline_tag: null, library_name: 'x', createdAt: '2023-01-01' },
      null,
      [],
      'x',
      { id: 'a', config: { model_type: 3 } },
    ];
    expect(cases.map((c) => typeof toHubRow(c) === 'string')).toEqual([
      false,
      true,
      true,
      true,
      false,
      true,
      true,
      false,
      true,
      true,
      true,
      false,
    ]);
  });
});
