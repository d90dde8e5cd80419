/**
 * Which Host headers the web chat answers (DNS rebinding protection: a page on another site
 * whose name is re-pointed at this server still sends its own name as Host, and is refused).
 * Allowed: the address bound, this machine's loopback names when it can be reached through
 * them, every interface address when bound to all of them, and the names configured in
 * HFBOT_WEB_ALLOWED_HOSTS (the name a reverse proxy or the team uses).
 */
import { isIP } from 'node:net';
import os from 'node:os';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];

/** "[::1]" -> "::1", "Example.ORG." -> "example.org". */
export function normaliseHost(h: string): string {
  return h
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
}

export function isLoopback(host: string): boolean {
  const h = normaliseHost(host);
  if (h === 'localhost' || h === '::1') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  return h.startsWith('::ffff:127.');
}

export function isWildcard(host: string): boolean {
  const h = normaliseHost(host);
  return h === '0.0.0.0' || h === '::';
}

/** The host part of a Host header: "[::1]:8787" -> "::1", "chat.example:80" -> "chat.example". */
export function hostOfHeader(header: string): string {
  const v = header.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(v);
  if (bracketed) return normaliseHost(bracketed[1]!);
  return normaliseHost(v.replace(/:\d+$/, ''));
}

function interfaceAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flatMap((list) => list ?? [])
    .map((i) => normaliseHost(i.address.replace(/%.*$/, '')));
}

export function allowedHosts(bound: string, configured: readonly string[] = []): Set<string> {
  const names = new Set(configured.map(normaliseHost));
  const b = normaliseHost(bound);
  names.add(b);
  if (isLoopback(b)) for (const n of LOOPBACK_NAMES) names.add(n);
  if (isWildcard(b)) {
    for (const n of LOOPBACK_NAMES) names.add(n);
    for (const a of interfaceAddresses()) names.add(a);
  }
  return names;
}

/** A URL a person can open: the bound address, or for all interfaces the first external IPv4 one. */
export function openableHost(bound: string): string {
  let h = normaliseHost(bound);
  if (isWildcard(h)) {
    const external = Object.values(os.networkInterfaces())
      .flatMap((list) => list ?? [])
      .find((i) => i.family === 'IPv4' && !i.internal);
    h = external?.address ?? '127.0.0.1';
  }
  return isIP(h) === 6 ? `[${h}]` : h;
}
