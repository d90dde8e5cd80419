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
  const status = (source: 'forum' | 'hub', r: { partial?: boolean } | null) =>
    run.failures.some((f) => f.source === source)
      ? ('failed' as const)
      : r === null
        ? ('not mined' as const)
        : r.partial
          ? ('partial' as const)
          : ('complete' as const);
  // New = what the total grew by plus what left it: a run that drops deleted rows still counts its new ones.
  const forumGone = run.forum?.goneTopics ?? 0;
  const hubGone = run.hub?.goneModels ?? 0;
  lines.push(
    [
      mining.refreshSource('Forum', {
        status: status('forum', run.forum),
        added: after.topics - before.topics + forumGone,
        changed: run.forum?.changedTopics ?? 0,
        gone: forumGone,
        total: after.topics,
        unit: 'topics',
        skipped: run.forum?.skipped?.length ?? 0,
        bad: run.forum?.badEntries ?? 0,
      }),
      mining.refreshSource('Hub', {
        status: status('hub', run.hub),
        added: after.models - before.models + hubGone,
        changed: null,
        gone: hubGone,
        total: after.models,
        unit: 'models',
        skipped: run.hub?.skipped?.length ?? 0,
        bad: run.hub?.badEntries ?? 0,
      }),
    ].join(' '),
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
