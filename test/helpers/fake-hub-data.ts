/** The fake Hub's models, generated from their index, and its pages serialised as the Hub writes them. */

export const FAKE_TYPES = [
  'bert',
  'gpt2',
  'roberta',
  't5',
  'llama',
  'distilbert',
  'whisper',
  'vit',
  'bart',
  'wav2vec2',
];
/** Not base model types: the paper's invalid values (a repeat of the model name, an owner...). */
const INVALID_TYPES = ['my-custom-model', 'user-net', null];
const END = Date.parse('2026-11-01T00:00:00Z');
const STEP = 60_000;

/** The properties `expand[]` accepts (huggingface_hub hf_api.py ExpandModelProperty_T). */
export const EXPANDABLE = new Set([
  'author',
  'baseModels',
  'cardData',
  'childrenModelCount',
  'config',
  'createdAt',
  'disabled',
  'downloads',
  'downloadsAllTime',
  'evalResults',
  'gated',
  'gguf',
  'inference',
  'inferenceProviderMapping',
  'lastModified',
  'library_name',
  'likes',
  'mask_token',
  'model-index',
  'pipeline_tag',
  'private',
  'safetensors',
  'sha',
  'siblings',
  'spaces',
  'tags',
  'transformersInfo',
  'trendingScore',
  'widgetData',
  'resourceGroup',
]);
/** What an entry carries without expand[] (the listing's default properties). */
const DEFAULT_FIELDS = [
  '_id',
  'id',
  'likes',
  'private',
  'downloads',
  'tags',
  'pipeline_tag',
  'library_name',
  'createdAt',
  'modelId',
];

export interface FakeModel {
  _id: string;
  id: string;
  modelId: string;
  author: string;
  createdAt: string;
  lastModified: string;
  config: { model_type?: string | null } | null;
  cardData: Record<string, unknown> | null;
  pipeline_tag: string | null;
  library_name: string | null;
  gated: false | 'manual';
  private: boolean;
  tags: string[];
  downloads: number;
  likes: number;
}

// Shared objects, so the server serialises each shape once.
const CARD = Object.freeze({ license: 'mit', language: ['en'] });
const EMPTY_CARD = Object.freeze({});
const CONFIGS = new Map<string | null, { model_type: string | null }>();
function configOf(t: string | null) {
  let config = CONFIGS.get(t);
  if (!config) {
    config = { model_type: t, architectures: ['X'] } as { model_type: string | null };
    CONFIGS.set(t, config);
  }
  return config;
}

/** A 24-hex-digit ObjectId-like id, stable for model `i`. */
export const hubIdOf = (i: number) => (0x621ffdc0 * 2 ** 20 + i + 2 ** 40).toString(16).padStart(24, '0');
export const createdMonthOf = (i: number) => new Date(END - i * STEP).toISOString().slice(0, 7);

/** Model number `i` (0 = newest of the first generation; negative = added later). */
export function fakeModel(i: number, badEvery = 0): FakeModel | Record<string, unknown> {
  if (badEvery && i > 0 && i % badEvery === 0) return { _id: hubIdOf(i), id: 42, createdAt: 'never' };
  const h = Math.imul(i ^ 0x9e3779b9, 2654435761) >>> 0;
  const typeRoll = h % 100;
  const modelType =
    typeRoll < 60
      ? FAKE_TYPES[h % FAKE_TYPES.length]!
      : typeRoll < 80
        ? INVALID_TYPES[h % INVALID_TYPES.length]!
        : undefined;
  const author = `user${h % 7919}`;
  const created = new Date(END - i * STEP).toISOString();
  const name = `${author}/model-${i}`;
  return {
    _id: hubIdOf(i),
    id: name,
    modelId: name,
    author,
    createdAt: created,
    lastModified: created,
    config: modelType === undefined ? null : configOf(modelType),
    cardData: (h >> 3) % 10 < 6 ? CARD : (h >> 3) % 10 < 8 ? EMPTY_CARD : null,
    pipeline_tag: (h >> 5) % 3 === 0 ? 'text-classification' : null,
    library_name: (h >> 7) % 4 === 0 ? null : 'transformers',
    gated: h % 50 === 0 ? 'manual' : false,
    private: false,
    tags: ['transformers', 'pytorch'],
    downloads: h % 10000,
    likes: h % 50,
  };
}

/** Objects repeat (a few configs and cards), so their JSON is cached; strings need no escaping here. */
const jsonCache = new Map<unknown, string>();
function fieldJson(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  let out = jsonCache.get(v);
  if (out === undefined) {
    out = JSON.stringify(v);
    if (Object.isFrozen(v) || CONFIGS.has((v as { model_type?: string | null }).model_type ?? null))
      jsonCache.set(v, out);
  }
  return out;
}

export interface HubChanges {
  names: Map<number, string>;
  gone: Set<number>;
  hidden: Set<number>;
  fields: Map<number, Record<string, unknown>>;
}

/** Up to `limit` listable models from index `from` on; `next` is where the next page starts. */
export function hubPage(
  state: { first: number; total: number },
  changes: HubChanges,
  from: number,
  limit: number,
  expand: string[],
  authed: boolean,
  badEvery = 0,
): { body: string; next: number | null } {
  const keys = expand.length ? ['_id', 'id', ...expand.filter((e) => e !== 'id' && e !== '_id')] : DEFAULT_FIELDS;
  const items: string[] = [];
  let i = Math.max(from, state.first);
  for (; i < state.total && items.length < limit; i++) {
    if (changes.gone.has(i) || (changes.hidden.has(i) && !authed)) continue;
    const m = fakeModel(i, badEvery) as Record<string, unknown>;
    const name = changes.names.get(i);
    if (name) {
      m.id = name;
      m.modelId = name;
      m.author = name.split('/')[0];
    }
    if (changes.hidden.has(i)) m.private = true;
    Object.assign(m, changes.fields.get(i));
    let json = '';
    for (const k of keys) if (m[k] !== undefined) json += `${json ? ',' : ''}"${k}":${fieldJson(m[k])}`;
    items.push(`{${json}}`);
  }
  // Whether anything listable is left decides the Link header, as a keyed cursor would.
  let rest = i;
  while (rest < state.total && (changes.gone.has(rest) || (changes.hidden.has(rest) && !authed))) rest++;
  return { body: `[${items.join(',')}]`, next: rest < state.total ? i : null };
}
