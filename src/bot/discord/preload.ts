/**
 * vega-lite (loaded by the chart renderer) adds Set.prototype.toJSON. discord.js depends on
 * @vladfrangu/async_event_emitter, whose bundled node-inspect builds "primordials" at load time by
 * calling every zero-argument Set method, and crashes on that one ("string "Set()" is not iterable").
 * So discord.js is loaded synchronously with the method briefly removed; synchronous, so no other
 * code can observe the gap. A no-op once discord.js is in the module cache.
 */
import { createRequire } from 'node:module';

let loaded = false;

export function preloadDiscordJs(): void {
  if (loaded) return;
  const proto = Set.prototype as { toJSON?: unknown };
  const desc = Object.getOwnPropertyDescriptor(proto, 'toJSON');
  if (desc) delete proto.toJSON;
  try {
    createRequire(import.meta.url)('discord.js');
    loaded = true;
  } finally {
    if (desc) Object.defineProperty(proto, 'toJSON', desc);
  }
}
