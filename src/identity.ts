/**
 * Who someone is, across platforms. Every stored person (round owner, rater, resolver, /verify
 * decider) and every HFBOT_ADMINS / HFBOT_TEAM entry is a namespaced reference
 * `<platform>:<id>`: `slack:U0AAA1` (Slack user id), `discord:80351110224678912` (snowflake),
 * `web:alice` (a name typed in the web chat), `cli:olga` (hfbot ask --user). A name typed in the
 * web chat therefore can never equal a Slack or Discord user, nor an admin.
 */

export const PLATFORMS = ['discord', 'slack', 'web', 'cli', 'test'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** Slack user ids start with U (or W on Enterprise Grid); Discord ids are 17-20 digit snowflakes. */
const SLACK_ID = /^[UW][A-Z0-9]{2,}$/;
const DISCORD_ID = /^\d{17,20}$/;

export const userRef = (u: { platform: Platform; id: string }): string => `${u.platform}:${u.id}`;

export function parseRef(s: string): { platform: Platform; id: string } | null {
  const i = s.indexOf(':');
  if (i <= 0) return null;
  const platform = s.slice(0, i) as Platform;
  const id = s.slice(i + 1);
  return PLATFORMS.includes(platform) && id ? { platform, id } : null;
}

/** The id part of a reference (what the platform calls the user), or the text itself. */
export const refId = (ref: string): string => parseRef(ref)?.id ?? ref;

/**
 * An unprefixed id from before namespaces existed, read by its shape: a Slack user id, a Discord
 * snowflake, else null (a typed name; the caller decides: HFBOT_ADMINS refuses it, the database
 * migration files it under web:).
 */
export function legacyRef(value: string): string | null {
  if (SLACK_ID.test(value)) return `slack:${value}`;
  if (DISCORD_ID.test(value)) return `discord:${value}`;
  return null;
}

/** Platforms whose users prove who they are (signed requests, gateway sessions, the local shell). */
export const TRUSTED: readonly Platform[] = ['slack', 'discord', 'cli', 'test'];

/**
 * One HFBOT_ADMINS / HFBOT_TEAM entry -> a reference, or why not. Web chat names are typed by
 * whoever opens the page, so they can never hold a role.
 */
export function roleRef(entry: string): { ref: string } | { error: string } {
  const parsed = parseRef(entry);
  if (parsed) {
    if (!TRUSTED.includes(parsed.platform))
      return { error: `"${entry}": web chat names are self-chosen and cannot be admins or team members` };
    if (parsed.platform === 'slack' && !SLACK_ID.test(parsed.id))
      return { error: `"${entry}": a Slack user id looks like U0123ABCD (profile > ... > Copy member ID)` };
    if (parsed.platform === 'discord' && !DISCORD_ID.test(parsed.id))
      return { error: `"${entry}": a Discord user id is 17-20 digits (Developer Mode, right-click > Copy User ID)` };
    return { ref: `${parsed.platform}:${parsed.id}` };
  }
  const legacy = legacyRef(entry);
  if (legacy) return { ref: legacy };
  return {
    error: `"${entry}" names no platform; write slack:U0123ABCD, discord:<17-20 digits> or cli:<name>`,
  };
}
