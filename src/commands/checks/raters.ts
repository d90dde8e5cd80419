/**
 * /code start names its raters the way the platform names people, and they are resolved to
 * platform users here, once, before the round exists: an unknown or ambiguous name fails the
 * start with the candidates, never a later /code next. The result is in ctx.state.raters as
 * namespaced references with display names.
 */
import { HfbotError } from '../../errors.js';
import { userRef } from '../../identity.js';
import { msg } from '../../messages/index.js';
import { typedNames, type DirectoryUser, type UserDirectory } from '../directory.js';
import { parseUserRef } from '../user-refs.js';
import type { Check, CommandContext } from '../types.js';

/** The options that name raters: the list and Discord's single-user pickers. */
export const RATER_OPTIONS = ['raters', 'rater1', 'rater2', 'rater3'] as const;

type Resolved = { ok: true; user: DirectoryUser } | { ok: false; problem: string };

const who = (u: DirectoryUser) => (u.aka?.length ? `${u.name} (${u.aka.join(', ')})` : `${u.name} (${u.id})`);

function usable(u: DirectoryUser, text: string): Resolved {
  if (u.deleted) return { ok: false, problem: msg.coding.raterDeactivated(text, u.name) };
  if (u.bot) return { ok: false, problem: msg.coding.raterIsBot(text, u.name) };
  return { ok: true, user: u };
}

async function resolveOne(dir: UserDirectory, platform: string, text: string): Promise<Resolved> {
  const ref = parseUserRef(text);
  if (ref.kind === 'mention' && dir.namesAreIds) return { ok: false, problem: msg.coding.mentionHere(text) };
  if (ref.kind === 'ref' && ref.platform !== platform)
    return { ok: false, problem: msg.coding.otherPlatform(text, platform) };
  if (ref.kind !== 'name') {
    const u = await dir.lookup(ref.id);
    return u ? usable(u, text) : { ok: false, problem: msg.coding.unknownMention(text, platform) };
  }
  if (!ref.name) return { ok: false, problem: msg.coding.emptyRater };
  const found = await dir.search(ref.name);
  const people = found.exact.filter((u) => !u.bot && !u.deleted);
  if (people.length === 1) return { ok: true, user: people[0]! };
  if (people.length > 1) return { ok: false, problem: msg.coding.ambiguousRater(text, people.map(who)) };
  if (found.exact.length) return usable(found.exact[0]!, text);
  return { ok: false, problem: msg.coding.unknownRater(text, platform, found.similar.slice(0, 5).map(who)) };
}

async function resolveAll(ctx: CommandContext, texts: string[]): Promise<{ ref: string; name: string }[]> {
  const dir = ctx.directory ?? typedNames;
  const platform = ctx.user.platform;
  let results: Resolved[];
  try {
    results = await Promise.all(texts.map((t) => resolveOne(dir, platform, t)));
  } catch (err) {
    if (err instanceof HfbotError) throw err;
    throw new HfbotError('E_NETWORK', msg.coding.directoryFailed(platform, (err as Error).message), { cause: err });
  }
  const problems = results.flatMap((r) => (r.ok ? [] : [r.problem]));
  if (problems.length)
    throw new HfbotError('E_BAD_VALUE', msg.coding.ratersUnresolved(problems), {
      hint: dir.namesAreIds ? msg.coding.ratersHintTyped : msg.coding.ratersHint(platform),
      details: { option: 'raters', problems },
    });
  const seen = new Map<string, string>();
  for (const r of results) if (r.ok) seen.set(userRef({ platform, id: r.user.id }), r.user.name);
  return [...seen].map(([ref, name]) => ({ ref, name }));
}

export const resolveRaters: Check = {
  name: 'raters resolved',
  async run(ctx) {
    const texts = RATER_OPTIONS.flatMap((k) => {
      const v = ctx.args[k] as string | string[] | undefined;
      return v === undefined ? [] : Array.isArray(v) ? v : [v];
    });
    if (!texts.length)
      throw new HfbotError('E_MISSING_OPTION', msg.coding.noRaters, {
        hint: msg.coding.ratersHint(ctx.user.platform),
        details: { option: 'raters' },
      });
    ctx.state.raters = await resolveAll(ctx, texts);
    // The owner's display name too (Slack's slash payload only has the deprecated user_name handle).
    const dir = ctx.directory;
    const me = dir && !dir.namesAreIds ? await dir.lookup(ctx.user.id).catch(() => null) : null;
    ctx.state.owner = { ref: userRef(ctx.user), name: me?.name ?? ctx.user.name ?? ctx.user.id };
  },
};
