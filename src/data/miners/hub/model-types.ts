/**
 * The valid base model types (data/model-types.txt), kept as data so a newer Transformers
 * release can be taken in without a code change: `hfbot mine model-types --from FILE` reads a
 * plain list or Transformers' configuration_auto.py (its CONFIG_MAPPING_NAMES).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HfbotError } from '../../../errors.js';
import { mining } from '../../../messages/mining.js';

export const MODEL_TYPES_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../data/model-types.txt',
);

const NAME = /^[a-z0-9][a-z0-9_.-]*$/;

export function readModelTypes(file = MODEL_TYPES_FILE): string[] {
  return parseModelTypeList(readFileSync(file, 'utf8'), file);
}

/** A list (one per line, # comments) or configuration_auto.py's ("name", "XConfig") pairs. */
export function parseModelTypeList(text: string, file: string): string[] {
  const mapping = /CONFIG_MAPPING_NAMES\s*=\s*OrderedDict\(([\s\S]*?)\n\s*\)/.exec(text);
  const names = mapping
    ? [...mapping[1]!.matchAll(/\(\s*"([^"]+)"\s*,\s*"[A-Za-z0-9_]+Config"\s*\)/g)].map((m) => m[1]!)
    : text
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#'));
  const bad = names.filter((n) => !NAME.test(n));
  if (!names.length || bad.length) {
    throw new HfbotError('E_BAD_VALUE', mining.badModelTypes(file, bad.slice(0, 3)), { hint: mining.modelTypesHint });
  }
  return [...new Set(names)].sort();
}

/** Rewrites the list, keeping its header comment; returns what was added and removed. */
export function writeModelTypes(names: string[], file = MODEL_TYPES_FILE): { added: string[]; removed: string[] } {
  const old = readFileSync(file, 'utf8');
  const before = new Set(parseModelTypeList(old, file));
  const header = old
    .split(/\r?\n/)
    .filter((l) => l.startsWith('#'))
    .join('\n');
  writeFileSync(file, `${header}\n${names.join('\n')}\n`);
  const after = new Set(names);
  return { added: names.filter((n) => !before.has(n)), removed: [...before].filter((n) => !after.has(n)) };
}
