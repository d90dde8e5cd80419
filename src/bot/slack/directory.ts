/**
 * Slack's people, for /code start raters: (needs the users:read scope).
 * - A mention (<@U0AAA1>) is checked with users.info (Tier 4): the user must exist, be active
 *   and not a bot. Unknown ids answer { ok: false, error: 'user_not_found' }.
 * - A typed name is matched against users.list (Tier 2, about 20 calls a minute), paged with
 *   cursor/limit as the docs ask (limit 200; response_metadata.next_cursor, '' at the end). The
 *   list includes deleted (deactivated) users and bots, which never become raters. The list is
 *   kept for a few minutes, so starting several rounds does not walk the workspace each time.
 * Names: profile.display_name (what Slack shows; may be empty), else real_name, else name (the
 * handle). https://api.slack.com/methods/users.list, /methods/users.info, /types/user
 */
import type { webApi } from '@slack/bolt';
import type { DirectoryUser, NameMatches, UserDirectory } from '../../commands/directory.js';
import { closest } from '../../analysis/similarity.js';

interface SlackUser {
  id: string;
  name?: string;
  real_name?: string;
  deleted?: boolean;
  is_bot?: boolean;
  profile?: { display_name?: string; real_name?: string };
}

const PAGE = 200;
const TTL_MS = 5 * 60_000;

export function toDirectoryUser(u: SlackUser): DirectoryUser {
  const display = u.profile?.display_name?.trim();
  const real = (u.profile?.real_name ?? u.real_name)?.trim();
  const name = display || real || u.name || u.id;
  const aka = [...new Set([u.name ? `@${u.name}` : '', real && real !== name ? real : '', u.id].filter(Boolean))];
  return {
    id: u.id,
    name,
    aka,
    // Slackbot is a user with is_bot false; it is no rater either.
    ...(u.is_bot || u.id === 'USLACKBOT' ? { bot: true } : {}),
    ...(u.deleted ? { deleted: true } : {}),
  };
}

const names = (u: SlackUser) =>
  [u.profile?.display_name, u.profile?.real_name, u.real_name, u.name]
    .filter((x): x is string => Boolean(x?.trim()))
    .map((x) => x.trim().toLowerCase());

const platformError = (err: unknown): string | undefined => (err as { data?: { error?: string } }).data?.error;

export function slackDirectory(client: webApi.WebClient, now: () => number = Date.now): UserDirectory {
  let cache: { at: number; users: SlackUser[] } | null = null;
  let loading: Promise<SlackUser[]> | null = null;

  async function listAll(): Promise<SlackUser[]> {
    const users: SlackUser[] = [];
    let cursor: string | undefined;
    do {
      const page = (await client.users.list({ limit: PAGE, ...(cursor ? { cursor } : {}) })) as {
        members?: SlackUser[];
        response_metadata?: { next_cursor?: string };
      };
      users.push(...(page.members ?? []));
      cursor = page.response_metadata?.next_cursor || undefined;
    } while (cursor);
    return users;
  }

  async function everyone(): Promise<SlackUser[]> {
    if (cache && now() - cache.at < TTL_MS) return cache.users;
    loading ??= listAll()
      .then((users) => {
        cache = { at: now(), users };
        return users;
      })
      .finally(() => {
        loading = null;
      });
    return loading;
  }

  return {
    async lookup(id) {
      try {
        const r = (await client.users.info({ user: id })) as { user?: SlackUser };
        return r.user ? toDirectoryUser(r.user) : null;
      } catch (err) {
        if (platformError(err) === 'user_not_found') return null;
        throw err;
      }
    },
    async search(name): Promise<NameMatches> {
      const q = name.trim().toLowerCase();
      const users = await everyone();
      const exact = users.filter((u) => names(u).includes(q));
      const active = users.filter((u) => !u.deleted && !u.is_bot);
      const near = new Set(
        closest(
          q,
          active.flatMap((u) => names(u)),
          5,
        ),
      );
      const similar = active.filter((u) => !exact.includes(u) && names(u).some((n) => near.has(n) || n.startsWith(q)));
      return { exact: exact.map(toDirectoryUser), similar: similar.slice(0, 5).map(toDirectoryUser) };
    },
  };
}
