/** Shared pieces of the /code subcommands (not a command itself). */
import { opt } from './options.js';
import type { CommandContext } from './types.js';
import type { Provenance } from '../reply.js';
import type { Db } from '../data/db.js';
import { datasetVersion } from '../data/queries/dataset-info.js';
import type { Round } from '../data/coding/rounds.js';
import { msg } from '../messages/index.js';

export const roundOption = (positional = false) =>
  opt.string({ description: 'Round name or id (default: your most recent open round)', positional, max: 60 });

export function roundProvenance(db: Db, round: Round, n: number | null, note?: string): Provenance {
  return { datasetVersion: datasetVersion(db), sources: [msg.coding.source(round.name)], n, ...(note ? { note } : {}) };
}

export const nowIso = (ctx: CommandContext) => ctx.services.now().toISOString();

/** Quotes in a free-text code would break the command templates of select menus. */
export const cleanFree = (s: string | undefined) => (s ? s.replace(/["\u201C\u201D]/g, "'").trim() || null : null);
