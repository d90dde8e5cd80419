/**
 * Option builders: each returns an OptionSpec with a zod schema that accepts the raw text
 * typed in chat (always a string there) or an already-typed platform value (Discord).
 */
import { z } from 'zod';
import type { OptionSpec } from './types.js';
import { splitUserList } from './user-refs.js';

interface Common {
  description: string;
  required?: boolean;
  positional?: boolean;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

function spec<S extends z.ZodType>(base: Omit<OptionSpec<S>, 'required' | 'positional'> & Common): OptionSpec<S> {
  return { ...base, required: base.required ?? false, positional: base.positional ?? false };
}

export const opt = {
  string<D extends string | undefined = undefined>(
    c: Common & { default?: D; rest?: boolean; min?: number; max?: number },
  ) {
    const s = z
      .string()
      .trim()
      .min(c.min ?? 1)
      .max(c.max ?? 500);
    const schema = c.default !== undefined ? s.default(c.default) : c.required ? s : s.optional();
    return spec({ ...c, kind: 'string', schema, expected: 'text', rest: c.rest ?? false });
  },

  choice<const C extends readonly [string, ...string[]]>(c: Common & { choices: C; default?: C[number] }) {
    const e = z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v), z.enum(c.choices));
    const schema = c.default !== undefined ? e.default(c.default as never) : c.required ? e : e.optional();
    return spec({ ...c, kind: 'string', schema, choices: c.choices, expected: `one of ${c.choices.join(', ')}` });
  },

  integer(c: Common & { min?: number; max?: number; default?: number }) {
    const min = c.min ?? Number.MIN_SAFE_INTEGER;
    const max = c.max ?? Number.MAX_SAFE_INTEGER;
    const n = z.coerce.number().int().min(min).max(max);
    const schema = c.default !== undefined ? n.default(c.default) : c.required ? n : n.optional();
    const range =
      c.min !== undefined && c.max !== undefined
        ? ` from ${c.min} to ${c.max}`
        : c.min !== undefined
          ? ` of at least ${c.min}`
          : '';
    return spec({ ...c, kind: 'integer', schema, expected: `a whole number${range}` });
  },

  number(c: Common & { min?: number; max?: number; default?: number }) {
    const n = z.coerce
      .number()
      .min(c.min ?? -Infinity)
      .max(c.max ?? Infinity);
    const schema = c.default !== undefined ? n.default(c.default) : c.required ? n : n.optional();
    return spec({ ...c, kind: 'number', schema, expected: 'a number' });
  },

  boolean(c: Common & { default?: boolean }) {
    const b = z.preprocess((v) => {
      if (typeof v !== 'string') return v;
      const t = v.trim().toLowerCase();
      return ['true', 'yes', '1', 'on'].includes(t) ? true : ['false', 'no', '0', 'off'].includes(t) ? false : v;
    }, z.boolean());
    const schema = c.default !== undefined ? b.default(c.default) : c.required ? b : b.optional();
    return spec({ ...c, kind: 'boolean', schema, expected: 'true or false' });
  },

  month(c: Common & { default?: string }) {
    const m = z.string().trim().regex(MONTH);
    const schema = c.default !== undefined ? m.default(c.default) : c.required ? m : m.optional();
    return spec({ ...c, kind: 'month', schema, expected: 'a month as YYYY-MM, e.g. 2021-01' });
  },

  /** A model type name; resolved against the dataset by the command (it knows the list). */
  model(c: Common) {
    const s = z.string().trim().min(1).max(100);
    return spec({
      ...c,
      kind: 'model',
      schema: c.required ? s : s.optional(),
      expected: 'a model type such as bert, llama or gpt2',
      autocomplete: 'model' as const,
    });
  },

  theme(c: Common) {
    const s = z.string().trim().min(1).max(200);
    return spec({
      ...c,
      kind: 'theme',
      schema: c.required ? s : s.optional(),
      expected: 'a category code (C8, B2), a category or subcategory name, or a unique prefix of one',
      autocomplete: 'theme' as const,
      rest: true,
    });
  },

  /** One person: an @mention, a name, or a namespaced id (see user-refs.ts). Discord: a USER option. */
  user(c: Common) {
    const s = z.string().trim().min(1).max(200);
    return spec({
      ...c,
      kind: 'user',
      schema: c.required ? s : s.optional(),
      expected: 'one person: an @mention or a name',
    });
  },

  /**
   * People, separated by commas or spaces: raters:@alice,@bob, raters:<@U0AAA1|alice> <@U0BBB2>,
   * raters:"Alice Liddell",bob. As the last positional option it also takes the loose words after it.
   */
  users(c: Common & { min?: number; rest?: boolean }) {
    const s = z.preprocess(
      (v) => (typeof v === 'string' || Array.isArray(v) ? splitUserList(v as string | string[]) : v),
      z.array(z.string().min(1).max(200)).min(c.min ?? 1),
    );
    return spec({
      ...c,
      kind: 'users',
      schema: c.required ? s : s.optional(),
      expected: `at least ${c.min ?? 1} ${(c.min ?? 1) === 1 ? 'person' : 'people'} (@mentions or names, separated by commas)`,
      rest: c.rest ?? false,
    });
  },
};

export function isMonth(s: string): boolean {
  return MONTH.test(s);
}
