/**
 * Cell validators for the replication package, as zod schemas: every value that enters the
 * dataset goes through one of them (safeParse), and a failure names file, line and column.
 *
 * Counts are decimal digits only, exactly as the file writes them. JavaScript's Number() would
 * read "0x10" as 16, "1e3" as 1000, " 16", "+16" and "16.0" as 16 and "" as 0; a spreadsheet or
 * a hand edit produces those, and reading them as numbers would hide the damage. Each file
 * declares its own form: the forum matrix writes every count as pandas floats ("16.0"), the
 * Hub matrix writes integers and leaves zero blank, the card file writes integers.
 */
import { z } from 'zod';
import { ingestError, type Location } from './errors.js';
import { msg } from '../../messages/index.js';

export type CountForm = 'int' | 'int-or-blank' | 'float';

const DIGITS = '(0|[1-9][0-9]*)';
const FORMS: Record<CountForm, { schema: z.ZodType<number>; expected: string; show: (n: number) => string }> = {
  int: { schema: count(new RegExp(`^${DIGITS}$`)), expected: msg.ingest.countInt, show: String },
  'int-or-blank': {
    schema: z
      .literal('')
      .transform(() => 0)
      .or(count(new RegExp(`^${DIGITS}$`))),
    expected: msg.ingest.countIntOrBlank,
    show: String,
  },
  float: { schema: count(new RegExp(`^${DIGITS}\\.0$`)), expected: msg.ingest.countFloat, show: (n) => `${n}.0` },
};

function count(form: RegExp): z.ZodType<number> {
  return z
    .string()
    .regex(form)
    .transform((t) => Number(t))
    .pipe(z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER));
}

/** A forum topic id: digits only (the codebook's "T639" prefix is taken off by its reader). */
const topicId = z
  .string()
  .regex(/^[1-9][0-9]*$/)
  .transform(Number)
  .pipe(z.number().int().max(Number.MAX_SAFE_INTEGER));

/** YYYY-MM, or YYYY-MM-01 as in the forum file's headers. */
const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-01)?$/)
  .transform((t) => t.slice(0, 7));

/** A share between 0 and 1 in decimal digits, as the summary columns write it. */
const ratio = z
  .string()
  .regex(/^(0|1)(\.[0-9]+)?$/)
  .transform(Number)
  .pipe(z.number().min(0).max(1));

const requiredText = z.string().trim().min(1);

function check<T>(schema: z.ZodType<T>, raw: string, loc: Location, problem: () => string): T {
  const r = schema.safeParse(raw);
  if (!r.success) throw ingestError(loc, problem());
  return r.data;
}

/** Why a count was refused and what to write instead. */
function countFix(raw: string, form: CountForm): string {
  const f = FORMS[form];
  if (raw.trim() === '') return msg.ingest.countBlank;
  const asNumber = Number(raw.trim());
  if (/^\s*-/.test(raw) && Number.isFinite(asNumber)) return msg.ingest.countNegative;
  if (Number.isSafeInteger(asNumber) && asNumber >= 0) return msg.ingest.countMeant(f.show(asNumber));
  return msg.ingest.countOther(f.show(12));
}

export function parseCount(raw: string, loc: Location, form: CountForm): number {
  const f = FORMS[form];
  return check(f.schema, raw, loc, () => msg.ingest.badCount(raw, f.expected, countFix(raw, form)));
}

export function parseTopicId(raw: string, loc: Location): number {
  return check(topicId, raw, loc, () => msg.ingest.badTopic(raw));
}

export function parseMonth(raw: string, loc: Location): string {
  return check(month, raw, loc, () => msg.ingest.badMonth(raw));
}

export function parseRatio(raw: string, loc: Location): number {
  return check(ratio, raw, loc, () => msg.ingest.badRatio(raw));
}

/** A cell that must not be blank; `what` names it in the message. */
export function parseRequired(raw: string, loc: Location, what: string): string {
  return check(requiredText, raw, loc, () => msg.ingest.required(what));
}
