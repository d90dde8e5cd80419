/**
 * How people are written in a command, on every platform:
 * - Slack escaped mentions `<@U0AAA1|alice>` and `<@U0AAA1>` (slash commands configured with
 *   "Escape channels, users, and links", should_escape in the manifest; api.slack.com/reference/surfaces/formatting);
 * - Discord user mentions `<@80351110224678912>` and the older nickname form `<@!80351110224678912>`
 *   (discord.com/developers/docs/reference#message-formatting);
 * - a namespaced id `slack:U0AAA1`, `discord:8035...`, `web:alice`;
 * - a plain name, with or without `@` (Slack without escaping sends `@alice` as typed).
 */

export type UserRefText =
  | { kind: 'mention'; id: string; text: string }
  | { kind: 'ref'; platform: string; id: string; text: string }
  | { kind: 'name'; name: string; text: string };

const MENTION = /^<@!?([A-Za-z0-9]+)(?:\|[^>]*)?>$/;
const NAMESPACED = /^(slack|discord|web|cli|test):(.+)$/;

export function parseUserRef(text: string): UserRefText {
  const t = text.trim();
  const m = MENTION.exec(t);
  if (m) return { kind: 'mention', id: m[1]!, text: t };
  const n = NAMESPACED.exec(t);
  if (n) return { kind: 'ref', platform: n[1]!, id: n[2]!, text: t };
  return { kind: 'name', name: t.replace(/^@/, '').trim(), text: t };
}

/** Mentions (whose labels may hold spaces), "quoted names", or runs without spaces and commas. */
const PIECE = /<@!?[A-Za-z0-9]+(?:\|[^>]*)?>|"([^"]+)"|[^\s,"]+/g;

/**
 * A list of people as typed: "<@U1|alice>, <@U2>", "@alice @bob", "alice,bob". From chat text
 * the tokenizer has already split on spaces outside quotes, so each token that still holds a
 * space was quoted and is one name ("Alice Liddell").
 */
export function splitUserList(value: string | readonly string[]): string[] {
  const pieces = (s: string) => [...s.matchAll(PIECE)].map((m) => (m[1] ?? m[0]).trim()).filter(Boolean);
  if (typeof value === 'string') return pieces(value);
  return value.flatMap((token) =>
    /\s/.test(token) && !token.includes('<@')
      ? token
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean)
      : pieces(token),
  );
}
