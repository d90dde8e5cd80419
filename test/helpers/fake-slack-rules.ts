/**
 * The parts of the fake Slack that follow the Web API reference to the letter: the workspace's
 * users (users.list / users.info), Block Kit limits, and per-method rate limits. Each rule names
 * the page it comes from.
 */

export interface FakeSlackUser {
  id: string;
  /** The handle (user.name). */
  name: string;
  real_name: string;
  /** profile.display_name; '' when the person never set one (Slack then shows real_name). */
  display_name: string;
  deleted?: boolean;
  is_bot?: boolean;
}

/** A small workspace with the cases users.list really returns: bots, a deactivated user, two "sam"s. */
export const WORKSPACE: readonly FakeSlackUser[] = [
  { id: 'USLACKBOT', name: 'slackbot', real_name: 'Slackbot', display_name: 'Slackbot' },
  { id: 'U0AAA1', name: 'alice', real_name: 'Alice Liddell', display_name: 'alice' },
  { id: 'U0BBB2', name: 'bob.builder', real_name: 'Bob Builder', display_name: 'Bob' },
  { id: 'U0CCC3', name: 'carol', real_name: 'Carol Danvers', display_name: '' },
  { id: 'U0OLGA', name: 'olga', real_name: 'Olga Owner', display_name: 'olga' },
  { id: 'U0SAM01', name: 'sam.green', real_name: 'Sam Green', display_name: 'sam' },
  { id: 'U0SAM02', name: 'sam.brown', real_name: 'Sam Brown', display_name: 'sam' },
  { id: 'U0DAVE9', name: 'dave', real_name: 'Dave Gone', display_name: 'dave', deleted: true },
  { id: 'U0BOT01', name: 'helperbot', real_name: 'Helper Bot', display_name: 'helperbot', is_bot: true },
];

/** A user object as users.list / users.info return it (api.slack.com/types/user). */
export function userObject(u: FakeSlackUser): Record<string, unknown> {
  return {
    id: u.id,
    team_id: 'T000',
    name: u.name,
    deleted: Boolean(u.deleted),
    real_name: u.real_name,
    is_bot: Boolean(u.is_bot),
    is_app_user: false,
    profile: {
      real_name: u.real_name,
      real_name_normalized: u.real_name,
      display_name: u.display_name,
      display_name_normalized: u.display_name,
    },
  };
}

/**
 * users.list (api.slack.com/methods/users.list): cursor pagination; `limit` is a maximum and "no
 * larger than 1000"; no limit tries to deliver everything; a cursor not from a previous page is
 * `invalid_cursor`. Deleted users and bots are included. next_cursor is '' on the last page.
 */
export function usersList(users: readonly FakeSlackUser[], params: Record<string, unknown>): Record<string, unknown> {
  const limit = params.limit === undefined || params.limit === '' ? 0 : Number(params.limit);
  if (!Number.isInteger(limit) || limit < 0 || limit > 1000) return { ok: false, error: 'invalid_limit' };
  let start = 0;
  if (params.cursor) {
    const decoded = Buffer.from(String(params.cursor), 'base64').toString('utf8');
    const m = /^user:(\d+)$/.exec(decoded);
    if (!m || Number(m[1]) > users.length) return { ok: false, error: 'invalid_cursor' };
    start = Number(m[1]);
  }
  const end = limit ? Math.min(users.length, start + limit) : users.length;
  const next = end < users.length ? Buffer.from(`user:${end}`).toString('base64') : '';
  return {
    ok: true,
    members: users.slice(start, end).map(userObject),
    cache_ts: 1700000000,
    response_metadata: { next_cursor: next },
  };
}

/** users.info (api.slack.com/methods/users.info): `user` is required; unknown ids are user_not_found. */
export function usersInfo(users: readonly FakeSlackUser[], params: Record<string, unknown>): Record<string, unknown> {
  if (!params.user) return { ok: false, error: 'user_not_found' };
  const u = users.find((x) => x.id === params.user);
  return u ? { ok: true, user: userObject(u) } : { ok: false, error: 'user_not_found' };
}

/**
 * Block Kit limits (api.slack.com/reference/block-kit/blocks and /block-elements): at most 50
 * blocks a message; section text 3000; block_id and action_id 255; static_select at most 100
 * options, option text 75, option value 150; button text 75 and value 2000. Slack refuses a
 * message that breaks one with invalid_blocks.
 */
interface Text {
  text?: string;
}
interface Element {
  type?: string;
  action_id?: string;
  text?: Text;
  value?: string;
  options?: { text?: Text; value?: string }[];
}
interface Block {
  type?: string;
  block_id?: string;
  text?: Text;
  elements?: Element[];
}

export function blocksError(blocks: unknown): string | null {
  if (blocks === undefined) return null;
  if (!Array.isArray(blocks)) return 'invalid_blocks_format';
  if (blocks.length > 50) return 'invalid_blocks';
  for (const b of blocks as Block[]) {
    if (b.block_id !== undefined && String(b.block_id).length > 255) return 'invalid_blocks';
    if (b.type === 'section' && String(b.text?.text ?? '').length > 3000) return 'invalid_blocks';
    for (const e of b.elements ?? []) {
      if (e.action_id !== undefined && String(e.action_id).length > 255) return 'invalid_blocks';
      if (e.type === 'static_select') {
        if (!Array.isArray(e.options) || e.options.length > 100 || e.options.length === 0) return 'invalid_blocks';
        for (const o of e.options)
          if (String(o.text?.text ?? '').length > 75 || String(o.value ?? '').length > 150) return 'invalid_blocks';
      }
      if (e.type === 'button' && (String(e.text?.text ?? '').length > 75 || String(e.value ?? '').length > 2000))
        return 'invalid_blocks';
    }
  }
  return null;
}

/**
 * Web API rate limits (api.slack.com/apis/rate-limits): users.list is Tier 2 (20+ per minute),
 * users.info Tier 4 (100+), chat.postMessage about one a second per channel. Past the limit Slack
 * answers HTTP 429 with Retry-After. Windows are configurable so a test can exhaust one.
 */
export const TIERS: Record<string, { limit: number; windowMs: number }> = {
  'users.list': { limit: 20, windowMs: 60_000 },
  'users.info': { limit: 100, windowMs: 60_000 },
};

export function rateLimiter(tiers: Record<string, { limit: number; windowMs: number }>) {
  const seen = new Map<string, number[]>();
  return (method: string, now: number): number | null => {
    const t = tiers[method];
    if (!t) return null;
    const recent = (seen.get(method) ?? []).filter((at) => now - at < t.windowMs);
    if (recent.length >= t.limit) {
      seen.set(method, recent);
      return Math.max(1, Math.ceil((t.windowMs - (now - recent[0]!)) / 1000));
    }
    recent.push(now);
    seen.set(method, recent);
    return null;
  };
}
