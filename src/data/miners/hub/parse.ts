/**
 * One /api/models entry, reduced to the row hub_models stores. `id` (the repo name) is required;
 * `_id` is the Hub's stable ObjectId (huggingface.js list-models.ts keys entries by it; a rename
 * changes `id`, never `_id`). Every other field is optional: a malformed one (config or cardData
 * that is not an object, a createdAt that is not a date) is stored empty and reported as a warning,
 * and the entry is kept.
 */
import { z } from 'zod';

/** The one required field; the others are checked one by one (a bad one is emptied, not fatal). */
const HubModel = z.object({ id: z.string().min(1) });

export interface HubRow {
  hub_id: string;
  id: string;
  author: string | null;
  created_month: string | null;
  created_at: string | null;
  model_type: string | null;
  has_card: 0 | 1;
  pipeline_tag: string | null;
  library: string | null;
}

export interface ReadModel {
  row: HubRow;
  /** Optional fields that were malformed and left empty ("config: expected an object"). */
  warnings: string[];
}

type Entry = Record<string, unknown>;
const optText = (v: unknown) => v === undefined || v === null || typeof v === 'string';
const optObject = (v: unknown) => v === undefined || v === null || (typeof v === 'object' && !Array.isArray(v));
const isDate = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v));

/** The common case, all fields well formed, checked by hand: a million entries make zod's cost count. */
function clean(m: Entry): boolean {
  const config = m.config as Entry | null | undefined;
  return (
    typeof m._id === 'string' &&
    optText(m.author) &&
    (m.createdAt == null || isDate(m.createdAt)) &&
    optObject(config) &&
    (config == null || optText(config.model_type)) &&
    optObject(m.cardData) &&
    optText(m.pipeline_tag) &&
    optText(m.library_name)
  );
}

const text = (v: unknown) => (typeof v === 'string' ? v : null);

/** A row and its warnings, or the reason the entry cannot be used at all. */
export function toHubRow(raw: unknown): ReadModel | string {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return '(entry): expected an object';
  const m = raw as Entry;
  if (typeof m.id !== 'string' || !m.id) {
    const r = HubModel.safeParse(raw);
    const issue = r.success ? { path: ['id'], message: 'expected a repo name' } : r.error.issues[0]!;
    return `${issue.path.join('.') || '(entry)'}: ${issue.message}`;
  }
  const warnings: string[] = [];
  if (!clean(m)) {
    const check = (ok: boolean, field: string, what: string) => ok || warnings.push(`${field}: expected ${what}`);
    // A missing _id is not malformed (older listings lack it); one of the wrong type is.
    check(m._id === undefined || typeof m._id === 'string', '_id', 'a string');
    check(optText(m.author), 'author', 'text');
    check(m.createdAt == null || isDate(m.createdAt), 'createdAt', 'a date');
    check(optObject(m.config), 'config', 'an object');
    check(
      !optObject(m.config) || m.config == null || optText((m.config as Entry).model_type),
      'config.model_type',
      'text',
    );
    check(optObject(m.cardData), 'cardData', 'an object');
    check(optText(m.pipeline_tag), 'pipeline_tag', 'text');
    check(optText(m.library_name), 'library_name', 'text');
  }
  const config = optObject(m.config) ? (m.config as Entry | null | undefined) : null;
  const card = optObject(m.cardData) ? (m.cardData as Entry | null | undefined) : null;
  const created = isDate(m.createdAt) ? (m.createdAt as string) : null;
  const slash = m.id.indexOf('/');
  return {
    row: {
      hub_id: typeof m._id === 'string' && m._id ? m._id : `name:${m.id}`,
      id: m.id,
      author: text(m.author) ?? (slash > 0 ? m.id.slice(0, slash) : null),
      created_month: created ? created.slice(0, 7) : null,
      created_at: created,
      model_type: text(config?.model_type),
      // The paper's "has a model card": a non-empty card metadata field.
      has_card: card && Object.keys(card).length > 0 ? 1 : 0,
      pipeline_tag: text(m.pipeline_tag),
      library: text(m.library_name),
    },
    warnings,
  };
}

/** The rel="next" target of a Link header (RFC 8288), resolved against the request URL. */
export function nextLink(link: string | null, requestUrl: string): string | null {
  if (!link) return null;
  for (const part of link.split(/,(?=\s*<)/)) {
    const m = /<([^>]*)>\s*;(.*)$/.exec(part.trim());
    if (m && /\brel\s*=\s*"?([^";]*\s)?next(\s[^";]*)?"?/i.test(m[2]!)) return new URL(m[1]!, requestUrl).toString();
  }
  return null;
}
