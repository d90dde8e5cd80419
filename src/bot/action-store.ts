/**
 * Where a control's command template lives between posting and clicking. Short templates are
 * carried inside the control itself (stateless, survives restarts); long ones fall back to memory.
 */
import { randomUUID } from 'node:crypto';

const INLINE = 't:';
const STORED = 'k:';

export interface ActionStore {
  /** A string of at most `max` characters that `decode` turns back into the template. */
  encode(template: string, max: number): string;
  /** The template, or null when it was held in memory by a process that has since restarted. */
  decode(encoded: string): string | null;
}

export function createActionStore(limit = 5000): ActionStore {
  const stored = new Map<string, string>();
  return {
    encode(template, max) {
      if (INLINE.length + template.length <= max) return INLINE + template;
      const key = randomUUID();
      stored.set(key, template);
      // Bounded: the oldest controls expire first.
      if (stored.size > limit) stored.delete(stored.keys().next().value!);
      return STORED + key;
    },
    decode(encoded) {
      if (encoded.startsWith(INLINE)) return encoded.slice(INLINE.length);
      if (encoded.startsWith(STORED)) return stored.get(encoded.slice(STORED.length)) ?? null;
      return null;
    },
  };
}

export function fillTemplate(template: string, value: string): string {
  return template.split('{value}').join(value);
}
