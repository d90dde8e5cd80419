/**
 * The guild side of the fake Discord, strict where the bot depends on it; each rule names the
 * page of discord.com/developers/docs it follows: guild members (get, search, list), private
 * threads and their members, and the message limits every payload is checked against.
 */

export interface FakeMember {
  id: string;
  username: string;
  global_name?: string | null;
  nick?: string | null;
  bot?: boolean;
}

/** A small server: nicknames, a global display name, a bot, two people whose names start alike. */
export const GUILD_MEMBERS: readonly FakeMember[] = [
  { id: '400000000000000001', username: 'alice', global_name: 'Alice Liddell', nick: null },
  { id: '400000000000000002', username: 'bob_b', global_name: 'Bob', nick: 'bob' },
  { id: '400000000000000003', username: 'carol', global_name: null, nick: 'Carol D' },
  { id: '400000000000000004', username: 'olga', global_name: 'Olga', nick: null },
  { id: '400000000000000005', username: 'sam', global_name: 'Sam Green', nick: null },
  { id: '400000000000000006', username: 'samantha', global_name: 'Sam Brown', nick: 'sam' },
  { id: '400000000000000007', username: 'modbot', global_name: null, nick: null, bot: true },
];

export const userObject = (m: FakeMember) => ({
  id: m.id,
  username: m.username,
  discriminator: '0',
  global_name: m.global_name ?? null,
  avatar: null,
  ...(m.bot ? { bot: true } : {}),
});

/** A guild member object (resources/guild#guild-member-object). */
export const memberObject = (m: FakeMember) => ({
  user: userObject(m),
  nick: m.nick ?? null,
  roles: [],
  joined_at: '2024-01-01T00:00:00.000Z',
  deaf: false,
  mute: false,
  flags: 0,
});

type Answer = [number, unknown];
const error = (status: number, code: number, message: string): Answer => [status, { code, message }];
const formError = (field: string, message: string): Answer => [
  400,
  { code: 50035, message: 'Invalid Form Body', errors: { [field]: { _errors: [{ code: 'BASE_TYPE_BAD', message }] } } },
];

/**
 * Get Guild Member, Search Guild Members, List Guild Members (resources/guild). Search matches the
 * start of usernames and nicknames; `query` is required and `limit` (1-1000) defaults to 1. List
 * needs the GUILD_MEMBERS privileged intent, which this bot does not have (403 Missing Access).
 */
export function guildMembersRoute(
  members: readonly FakeMember[],
  method: string,
  path: string,
  query: URLSearchParams,
  guildId: string,
): Answer | null {
  if (method !== 'GET') return null;
  if (path === `/guilds/${guildId}/members/search`) {
    const q = query.get('query');
    if (q === null) return formError('query', 'This field is required');
    const limit = query.has('limit') ? Number(query.get('limit')) : 1;
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) return formError('limit', 'int value should be 1-1000');
    const ql = q.toLowerCase();
    const hits = members.filter((m) => [m.username, m.nick ?? ''].some((n) => n.toLowerCase().startsWith(ql)));
    return [200, hits.slice(0, limit).map(memberObject)];
  }
  if (path === `/guilds/${guildId}/members`) return error(403, 50001, 'Missing Access');
  const one = path.match(new RegExp(`^/guilds/${guildId}/members/(\\d+)$`));
  if (one) {
    const m = members.find((x) => x.id === one[1]);
    return m ? [200, memberObject(m)] : error(404, 10007, 'Unknown Member');
  }
  return null;
}

export interface FakeThread {
  id: string;
  parent_id: string;
  type: number;
  name: string;
  invitable: boolean;
  members: Set<string>;
  deleted: boolean;
}

const ARCHIVE_DURATIONS = [60, 1440, 4320, 10080];

/** Start Thread without Message (resources/channel): name 1-100, type 10/11/12 (default 12), durations as listed. */
export function threadBodyError(body: Record<string, unknown>): Answer | null {
  const name = body.name;
  if (typeof name !== 'string' || name.length < 1 || name.length > 100)
    return formError('name', 'Must be between 1 and 100 in length.');
  if (body.type !== undefined && ![10, 11, 12].includes(Number(body.type)))
    return formError('type', 'Value must be one of {10, 11, 12}.');
  if (body.auto_archive_duration !== undefined && !ARCHIVE_DURATIONS.includes(Number(body.auto_archive_duration)))
    return formError('auto_archive_duration', 'Value must be one of {60, 1440, 4320, 10080}.');
  if (body.invitable !== undefined && Number(body.type ?? 12) !== 12)
    return formError('invitable', 'Only available when creating a private thread.');
  return null;
}

/**
 * Message limits (resources/message, components/reference): content 2000, at most 10 embeds with
 * descriptions of 4096, at most 5 action rows, 5 buttons a row, select menus with 1-25 options,
 * custom_id 100, option label/value/description 100, placeholder 150, button label 80.
 */
export function messageError(body: Record<string, unknown> | null): Answer | null {
  if (!body) return null;
  if (typeof body.content === 'string' && body.content.length > 2000)
    return formError('content', 'Must be 2000 or fewer in length.');
  const embeds = (body.embeds ?? []) as { description?: string }[];
  if (embeds.length > 10 || embeds.some((e) => (e.description ?? '').length > 4096))
    return formError('embeds', 'Embed too large.');
  const rows = (body.components ?? []) as { components?: Record<string, unknown>[] }[];
  if (rows.length > 5) return formError('components', 'Must be 5 or fewer in length.');
  for (const row of rows) {
    const parts = row.components ?? [];
    if (parts.length < 1 || parts.length > 5) return formError('components', 'Row must hold 1-5 components.');
    for (const c of parts) {
      if (String(c.custom_id ?? '').length > 100) return formError('custom_id', 'Must be 100 or fewer in length.');
      if (c.type === 2 && String(c.label ?? '').length > 80)
        return formError('label', 'Must be 80 or fewer in length.');
      if (c.type === 3) {
        const options = (c.options ?? []) as Record<string, unknown>[];
        if (options.length < 1 || options.length > 25) return formError('options', 'Must be between 1 and 25.');
        if (String(c.placeholder ?? '').length > 150) return formError('placeholder', 'Must be 150 or fewer.');
        for (const o of options)
          if (['label', 'value', 'description'].some((k) => String(o[k] ?? '').length > 100))
            return formError('options', 'Option label, value and description must be 100 or fewer in length.');
      }
    }
  }
  return null;
}
