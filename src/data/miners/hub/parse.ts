/** One /api/models entry, reduced to the row hub_models stores. */
import { z } from 'zod';

const HubModel = z.object({
  id: z.string().min(1),
  author: z.string().nullish(),
  createdAt: z.string().nullish(),
  config: z.object({ model_type: z.unknown() }).partial().nullish(),
  cardData: z.record(z.string(), z.unknown()).nullish(),
  pipeline_tag: z.string().nullish(),
  library_name: z.string().nullish(),
});

export interface HubRow {
  id: string;
  author: string | null;
  created_month: string | null;
  created_at: string | null;
  model_type: string | null;
  has_card: 0 | 1;
  pipeline_tag: string | null;
  library: string | null;
}

type HubEntry = z.output<typeof HubModel>;
const optText = (v: unknown) => v === undefined || v === null || typeof v === 'string';
const optObject = (v: unknown) => v === undefined || v === null || (typeof v === 'object' && !Array.isArray(v));

/**
 * The same checks as HubModel, written out: a million entries per run make zod's per-entry cost
 * count. Any entry this rejects goes through HubModel for the readable reason.
 */
function quickCheck(raw: unknown): raw is HubEntry {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return false;
  const m = raw as Record<string, unknown>;
  return (
    typeof m.id === 'string' &&
    m.id.length > 0 &&
    optText(m.author) &&
    optText(m.createdAt) &&
    optObject(m.config) &&
    optObject(m.cardData) &&
    optText(m.pipeline_tag) &&
    optText(m.library_name)
  );
}

/** A row, or the reason the entry cannot be used (the page goes on without it). */
export function toHubRow(raw: unknown): HubRow | string {
  let m: HubEntry;
  if (quickCheck(raw)) m = raw;
  else {
    const r = HubModel.safeParse(raw);
    if (!r.success) {
      const issue = r.error.issues[0]!;
      return `${issue.path.join('.') || '(entry)'}: ${issue.message}`;
    }
    m = r.data;
  }
  const modelType = typeof m.config?.model_type === 'string' ? m.config.model_type : null;
  const slash = m.id.indexOf('/');
  return {
    id: m.id,
    author: m.author ?? (slash > 0 ? m.id.slice(0, slash) : null),
    created_month: m.createdAt && /^\d{4}-\d{2}/.test(m.createdAt) ? m.createdAt.slice(0, 7) : null,
    created_at: m.createdAt ?? null,
    model_type: modelType,
    // The paper's "has a model card": a non-empty card metadata field.
    has_card: m.cardData && Object.keys(m.cardData).length > 0 ? 1 : 0,
    pipeline_tag: m.pipeline_tag ?? null,
    library: m.library_name ?? null,
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
