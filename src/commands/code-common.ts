/** Shared pieces of the /code subcommands (not a command itself). */
import { opt } from './options.js';
import type { CommandContext } from './types.js';
import type { Provenance, Reply, ReplyAction } from '../reply.js';
import type { Db } from '../data/db.js';
import { datasetVersion } from '../data/queries/dataset-info.js';
import type { Round } from '../data/coding/rounds.js';
import { msg } from '../messages/index.js';

export const roundOption = (positional = false) =>
  opt.string({ description: 'Round name or id (default: your most recent open round)', positional, max: 60 });

export function roundProvenance(db: Db, round: Round, n: number | null, note?: string): Provenance {
  return {
    datasetVersion: datasetVersion(db),
    sources: [msg.coding.source(round.name, round.purpose)],
    n,
    ...(note ? { note } : {}),
  };
}

/**
 * One thread per rater and round: every topic of the round goes to the same thread (private
 * where the platform has private threads), not a new public thread per topic.
 */
export function raterThread(round: Round, ref: string, name: string): NonNullable<Reply['thread']> {
  return { title: msg.coding.threadTitle(round.name, name), key: `round:${round.id}:${ref}`, private: true };
}

export const nowIso = (ctx: CommandContext) => ctx.services.now().toISOString();

/** Quotes in a free-text code would break the command templates of select menus. */
export const cleanFree = (s: string | undefined) => (s ? s.replace(/["\u201C\u201D]/g, "'").trim() || null : null);

/** The button that asks for the rater's next topic of `round`. */
export function nextButton(round: Round): ReplyAction {
  return {
    type: 'button',
    id: `code-next:${round.id}`,
    label: msg.coding.nextLabel,
    command: `/code next ${round.name}`,
    style: 'primary',
  };
}
