/**
 * Rendered PNGs kept in memory, least recently used first out, bounded by entry count and
 * bytes. Keyed by (dataset version, canonical spec): a repeated question costs no render,
 * and a new dataset version never serves an old picture.
 */
import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every depth, so key order in a builder never changes the key. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}

export function chartKey(datasetVersion: string, spec: unknown): string {
  return createHash('sha256').update(datasetVersion).update('\n').update(canonicalJson(spec)).digest('hex');
}

export interface PngCacheOptions {
  maxEntries?: number;
  maxBytes?: number;
}

export interface PngCacheStats {
  entries: number;
  bytes: number;
  hits: number;
  misses: number;
}

export class PngCache {
  private readonly entries = new Map<string, Uint8Array>();
  private readonly maxEntries: number;
  private readonly maxBytes: number;
  private bytes = 0;
  private hits = 0;
  private misses = 0;

  constructor(opts: PngCacheOptions = {}) {
    this.maxEntries = opts.maxEntries ?? 200;
    this.maxBytes = opts.maxBytes ?? 64 * 1024 * 1024;
  }

  get(key: string): Uint8Array | undefined {
    const png = this.entries.get(key);
    if (!png) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    // Map iteration order is insertion order: re-inserting marks it most recently used.
    this.entries.delete(key);
    this.entries.set(key, png);
    return png;
  }

  set(key: string, png: Uint8Array): void {
    if (png.byteLength > this.maxBytes) return;
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= old.byteLength;
      this.entries.delete(key);
    }
    this.entries.set(key, png);
    this.bytes += png.byteLength;
    for (const [k, v] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= v.byteLength;
    }
  }

  stats(): PngCacheStats {
    return { entries: this.entries.size, bytes: this.bytes, hits: this.hits, misses: this.misses };
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }
}
