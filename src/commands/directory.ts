/**
 * How a command finds people on the caller's platform. Adapters pass one (Slack: users.info and
 * users.list; Discord: guild members) with the call; the web chat and the CLI have no directory:
 * there a typed name is the identity (in its own namespace, web:alice / cli:olga).
 */

export interface DirectoryUser {
  /** The platform's id (U0AAA1, a snowflake), or the typed name where names are the identity. */
  id: string;
  /** What people read: display name, else real name, else handle. */
  name: string;
  /** Other names the person goes by (handle, real name), shown to tell candidates apart. */
  aka?: string[];
  bot?: boolean;
  deleted?: boolean;
}

export interface NameMatches {
  /** Users whose display name, real name or handle equals the text (case-insensitive). */
  exact: DirectoryUser[];
  /** Near misses, for "did you mean". */
  similar: DirectoryUser[];
}

export interface UserDirectory {
  /** Platform id -> user, or null when the platform has no such user (here). */
  lookup(id: string): Promise<DirectoryUser | null>;
  search(name: string): Promise<NameMatches>;
  /** True where a typed name is itself the identity (web chat, CLI): nothing to look up. */
  readonly namesAreIds?: boolean;
}

/** The web chat's and the CLI's: every name stands for itself. */
export const typedNames: UserDirectory = {
  namesAreIds: true,
  async lookup(id) {
    return { id, name: id };
  },
  async search(name) {
    return { exact: [{ id: name, name }], similar: [] };
  },
};

/** Names the platform already told us in this request (Slack's <@U1|alice>, Discord's resolved users). */
export function withKnownNames(dir: UserDirectory, known: ReadonlyMap<string, DirectoryUser>): UserDirectory {
  return {
    ...(dir.namesAreIds ? { namesAreIds: true } : {}),
    lookup: async (id) => known.get(id) ?? dir.lookup(id),
    search: (name) => dir.search(name),
  };
}
