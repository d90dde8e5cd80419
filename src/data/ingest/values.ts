/**
 * Cell validators for the replication package, as zod schemas: every value that enters the
 * dataset goes through one of them (safeParse), and a failure names file, line and column.
 */
import { z } from 'zod';
import { ingestError, type Location } from './errors.js';
import { msg } from '../../messages/index.js';

/** Counts are published as "12", "12.0" or blank (= 0). */
const count = z.string().trim().transform(Number).pipe(z.number().int().nonnegative());

/** A forum topic id, optionally written T639 as in the codebook examples. */
const topicId = z
  .string()
  .trim()
  .regex(/^T?\d+$/i)
  .transform((t) => Number(t.replace(/^T/i, '')));

/** YYYY-MM, or YYYY-MM-01 as in the forum file's headers. */
const month = z
  .string()
  .trim()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-01)?$/)
  .transform((t) => t.slice(0, 7));

const requiredText = z.string().trim().min(1);

function check<T>(schema: z.ZodType<T>, raw: string, loc: Location, problem: string): T {
  const r = schema.safeParse(raw);
  if (!r.success) throw ingestError(loc, problem);
  return r.data;
}

export function parseCount(raw: string, loc: Location, blankIsZero = true): number {
  if (raw.trim() === '' && blankIsZero) return 0;
  return check(raw.trim() === '' ? z.never() : count, raw, loc, msg.ingest.badCount(raw));
}

export function parseTopicId(raw: string, loc: Location): number {
  return check(topicId, raw, loc, msg.ingest.badTopic(raw));
}

export function parseMonth(raw: string, loc: Location): string {
  return check(month, raw, loc, msg.ingest.badMonth(raw));
}

/** A cell that must not be blank; `what` names it in the message. */
export function parseRequired(raw: string, loc: Location, what: string): string {
  return check(requiredText, raw, loc, msg.ingest.required(what));
}
