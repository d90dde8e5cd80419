/**
 * Model type names as people type them ("LLaMa", "gpt-2", "xlm roberta", "ViT") resolved to the
 * dataset's spelling (llama, gpt2, xlm-roberta, vit). Pure: the caller passes the known names.
 */
import { HfbotError } from '../errors.js';
import { closest } from './similarity.js';

/** Separators and case carry no meaning in model type names: xlm_roberta = XLM-RoBERTa. */
export function nameKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Common names that are not spellings of a type name (keys as nameKey gives them). */
const ALIASES: Record<string, string> = {
  xlmr: 'xlm-roberta',
  gpt: 'openai-gpt',
  gpt1: 'openai-gpt',
  flant5: 't5',
  wav2vec: 'wav2vec2',
  bigbird: 'big_bird',
};

export type Resolution = { name: string } | { name: null; suggestions: string[] };

export function tryResolveModel(input: string, names: readonly string[]): Resolution {
  const hit = matchModel(input, names);
  if (hit !== null) return { name: hit };
  const key = nameKey(input);
  const keyed = names.map(nameKey);
  const near = closest(key, keyed).map((k) => names[keyed.indexOf(k)]!);
  const plain = closest(input.trim(), names);
  return { name: null, suggestions: [...new Set([...near, ...plain])].slice(0, 3) };
}

/** The dataset's name `input` means, or null; no suggestions (those cost an edit distance per name). */
export function matchModel(input: string, names: readonly string[]): string | null {
  const exact = names.find((n) => n.toLowerCase() === input.trim().toLowerCase());
  if (exact) return exact;
  const byKey = new Map<string, string>();
  for (const n of names) if (!byKey.has(nameKey(n))) byKey.set(nameKey(n), n);
  const key = nameKey(input);
  const direct = byKey.get(key) ?? byKey.get(nameKey(ALIASES[key] ?? ''));
  if (direct) return direct;
  // A release number the type name does not carry (llama-2, whisper v3, bloom 7b) names the type.
  for (let base = key, i = 0; i < 3; i++) {
    const shorter = base.replace(/(v?\d+(\.\d+)?b?|large|base|small|xl)$/, '');
    if (!shorter || shorter === base) break;
    base = shorter;
    // Only a real type name after stripping: 'gpt 3' must not become 'gpt' and then GPT-1 by alias.
    const hit = byKey.get(base);
    if (hit) return hit;
  }
  return null;
}

/** The dataset's name for `input`, or E_UNKNOWN_MODEL naming the closest ones. */
export function resolveModel(
  input: string,
  names: readonly string[],
  message: (input: string, suggestions: string[]) => { message: string; hint?: string },
): string {
  const r = tryResolveModel(input, names);
  if (r.name !== null) return r.name;
  const m = message(input, r.suggestions);
  throw new HfbotError('E_UNKNOWN_MODEL', m.message, {
    hint: m.hint,
    details: { option: 'model', suggestions: r.suggestions },
  });
}

/**
 * Several model types in one line: "bert roberta t5", "bert, gpt-2", "xlm roberta t5".
 * Commas always separate; within a comma part the longest run of words that names a type wins,
 * from the left, so "xlm roberta" stays one type while "bert roberta" is two. Duplicates
 * collapse. The first run no type fits raises E_UNKNOWN_MODEL with suggestions for it.
 */
export function resolveModelList(
  input: string,
  names: readonly string[],
  message: (input: string, suggestions: string[]) => { message: string; hint?: string },
): string[] {
  const out: string[] = [];
  for (const part of input.split(',')) {
    const words = part.trim().split(/\s+/).filter(Boolean);
    let i = 0;
    while (i < words.length) {
      const hit = longestAt(words, i, names);
      // Nothing from words[i] on names a type: resolveModel throws for that word with suggestions.
      if (!hit) return [resolveModel(words[i]!, names, message)];
      if (!out.includes(hit.name)) out.push(hit.name);
      i = hit.end;
    }
  }
  return out;
}

function longestAt(
  words: readonly string[],
  i: number,
  names: readonly string[],
): { name: string; end: number } | null {
  for (let j = words.length; j > i; j--) {
    const name = matchModel(words.slice(i, j).join(' '), names);
    if (name !== null) return { name, end: j };
  }
  return null;
}
