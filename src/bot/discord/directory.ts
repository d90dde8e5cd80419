/**
 * A guild's members, for /code start raters: (discord.com/developers/docs/resources/guild):
 * - a mention <@id> (or a USER option) is checked with Get Guild Member; 404 Unknown Member
 *   (10007) means the person is not in this server;
 * - a typed name goes to Search Guild Members (?query=&limit=), which matches the start of
 *   usernames and server nicknames and needs no privileged intent (List Guild Members would need
 *   GUILD_MEMBERS). Its `limit` defaults to 1, so it is always given.
 * A member's name is their server nickname, else their global display name, else the username.
 */
import { DiscordAPIError, makeURLSearchParams, Routes, type REST } from 'discord.js';
import type { DirectoryUser, UserDirectory } from '../../commands/directory.js';
import { HfbotError } from '../../errors.js';
import { msg } from '../../messages/index.js';

interface ApiUser {
  id: string;
  username: string;
  global_name?: string | null;
  bot?: boolean;
}

interface ApiMember {
  user?: ApiUser;
  nick?: string | null;
}

const SEARCH_LIMIT = 25;

export function memberToUser(m: ApiMember): DirectoryUser | null {
  const u = m.user;
  if (!u) return null;
  return {
    id: u.id,
    name: m.nick || u.global_name || u.username,
    aka: [`@${u.username}`, u.id],
    ...(u.bot ? { bot: true } : {}),
  };
}

const names = (m: ApiMember) =>
  [m.nick, m.user?.global_name, m.user?.username]
    .filter((x): x is string => Boolean(x?.trim()))
    .map((x) => x.trim().toLowerCase());

/** No guild (a DM): people cannot be looked up, so rounds are started in a server channel. */
const noGuild: UserDirectory = {
  lookup: async () => {
    throw new HfbotError('E_BAD_VALUE', msg.platforms.discordNoGuild);
  },
  search: async () => {
    throw new HfbotError('E_BAD_VALUE', msg.platforms.discordNoGuild);
  },
};

export function discordDirectory(rest: REST, guildId: string | null): UserDirectory {
  if (!guildId) return noGuild;
  return {
    async lookup(id) {
      try {
        return memberToUser((await rest.get(Routes.guildMember(guildId, id))) as ApiMember);
      } catch (err) {
        if (err instanceof DiscordAPIError && (err.status === 404 || err.code === 10007 || err.code === 10013))
          return null;
        throw err;
      }
    },
    async search(name) {
      const q = name.trim().toLowerCase();
      const found = (await rest.get(Routes.guildMembersSearch(guildId), {
        query: makeURLSearchParams({ query: name.trim(), limit: SEARCH_LIMIT }),
      })) as ApiMember[];
      const exact = found.filter((m) => names(m).includes(q));
      const similar = found.filter((m) => !exact.includes(m));
      return {
        exact: exact.flatMap((m) => memberToUser(m) ?? []),
        similar: similar.flatMap((m) => memberToUser(m) ?? []),
      };
    },
  };
}
