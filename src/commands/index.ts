/**
 * The whole registry, loaded: what adapters register and dispatch (the list and its order
 * are in manifest.ts). One-shot callers that run a single command use commandFor instead.
 */
import { loadAll } from './manifest.js';
import type { Command } from './types.js';

export const commands: readonly Command[] = await loadAll();

export function commandNames(): string[] {
  return commands.map((c) => c.definition.name);
}
