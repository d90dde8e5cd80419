/** The refresh announcement text: what is new and what moved since the last refresh. */
import { mining } from '../messages/mining.js';
import type { Snapshot } from './snapshot.js';
import type { ForumMineResult } from '../data/miners/forum/mine.js';
import type { HubMineResult } from '../data/miners/hub/mine.js';

const SIGNIFICANT = 0.05;
const sig = (p: number | null) => p !== null && p <= SIGNIFICANT;

export function summarize(
  before: Snapshot,
  after: Snapshot,
  run: {
    forum: ForumMineResult | null;
    hub: HubMineResult | null;
    failures: { source: string; error: string }[];
    newPending: number;
  },
): string {
  const lines = [mining.refreshHeader(after.version ?? '?', before.version)];
  lines.push(
    mining.refreshCounts(
      run.forum ? after.topics - before.topics : null,
      run.forum?.changedTopics ?? 0,
      after.topics,
      run.hub ? after.models - before.models : null,
      after.models,
    ),
  );
  for (const f of run.failures) lines.push(mining.refreshFailed(f.source, f.error));

  const cats = [...new Set([...before.categories.keys(), ...after.categories.keys()])]
    .map((c) => ({ c, now: after.categories.get(c) ?? 0, was: before.categories.get(c) ?? 0 }))
    .sort((a, b) => Math.abs(b.now - b.was) - Math.abs(a.now - a.was) || b.now - a.now)
    .slice(0, 3);
  if (cats.length)
    lines.push(
      mining.refreshCategories(cats.map((x) => mining.share(x.c, x.now, before.topics ? x.now - x.was : null))),
    );

  const rhos = [...after.rhos.entries()].map(([type, r]) => ({ type, r, was: before.rhos.get(type) ?? null }));
  const flipped = rhos.filter((x) => x.was && sig(x.was.p) !== sig(x.r.p));
  const moved = rhos.filter((x) => !flipped.includes(x)).sort((a, b) => Math.abs(delta(b)) - Math.abs(delta(a)));
  const shown = [...flipped, ...moved].slice(0, 5);
  if (shown.length && after.window) {
    lines.push(mining.refreshRhoHeader(after.window.from, after.window.to));
    for (const x of shown)
      lines.push(
        mining.rhoLine(
          x.type,
          x.r.rho,
          x.r.p,
          x.was?.rho ?? null,
          flipped.includes(x) ? (sig(x.r.p) ? 'now significant' : 'no longer significant') : null,
        ),
      );
  }
  if (after.cardRatio !== null) lines.push(mining.refreshCards(after.cardRatio, after.models, before.cardRatio));
  if (run.newPending > 0 || after.pending > 0) lines.push(mining.refreshPending(run.newPending, after.pending));
  return lines.join('\n');
}

function delta(x: { r: { rho: number | null }; was: { rho: number | null } | null }): number {
  return x.r.rho !== null && x.was?.rho != null ? x.r.rho - x.was.rho : 0;
}
