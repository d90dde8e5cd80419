import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/jobs/summary.js';
import type { Snapshot } from '../../src/jobs/snapshot.js';

const snap = (o: Partial<Snapshot>): Snapshot => ({
  version: null,
  topics: 0,
  models: 0,
  categories: new Map(),
  rhos: new Map(),
  cardRatio: null,
  pending: 0,
  window: null,
  ...o,
});

describe('jobs/summary', () => {
  it('leads with significance changes, then the biggest rho moves, and gives category shifts in points', () => {
    const before = snap({
      version: 'mined-a',
      topics: 100,
      models: 1000,
      cardRatio: 0.5,
      categories: new Map([
        ['Beginners', 0.5],
        ['Intermediate', 0.3],
        ['🤗Transformers', 0.2],
      ]),
      rhos: new Map([
        ['bert', { rho: -0.3, p: 0.08, n: 35 }],
        ['llama', { rho: 0.9, p: 0.0001, n: 35 }],
        ['t5', { rho: 0.1, p: 0.5, n: 35 }],
      ]),
    });
    const after = snap({
      version: 'mined-b',
      topics: 110,
      models: 1500,
      cardRatio: 0.52,
      pending: 3,
      window: { from: '2020-07', to: '2023-05' },
      categories: new Map([
        ['Beginners', 0.45],
        ['Intermediate', 0.33],
        ['🤗Transformers', 0.22],
      ]),
      rhos: new Map([
        ['bert', { rho: -0.4, p: 0.02, n: 36 }],
        ['llama', { rho: 0.91, p: 0.0001, n: 36 }],
        ['t5', { rho: 0.35, p: 0.06, n: 36 }],
      ]),
    });
    const text = summarize(before, after, {
      forum: { changedTopics: 4 } as never,
      hub: {} as never,
      failures: [],
      newPending: 1,
    });
    expect(text.split('\n')).toEqual([
      '**Refresh mined-b** (was mined-a)',
      'Forum: +10 new topics, 4 changed (110 in all). Hub: +500 new models (1,500 in all).',
      'Forum categories (share of topics): Beginners 45.0% (-5.0 pt); Intermediate 33.0% (+3.0 pt); 🤗Transformers 22.0% (+2.0 pt).',
      'Forum mentions vs Hub uploads per month, Spearman rho 2020-07..2023-05:',
      // The same number formats as every answer (src/format/numbers.ts): ASCII minus, p to three
      // significant digits, "p < 0.001" below.
      '• bert: rho -0.400 (p = 0.02), was -0.300, now significant',
      '• t5: rho 0.350 (p = 0.06), was 0.100',
      '• llama: rho 0.910 (p < 0.001), was 0.900',
      'Model cards: 52.0% of 1,500 models have one (was 50.0%).',
      '3 matches of ordinary-word model names (opt, clip, sam...) wait for /verify (1 new).',
    ]);
  });

  it('says which source failed and that the next refresh resumes it', () => {
    const text = summarize(snap({}), snap({ version: 'v' }), {
      forum: null,
      hub: null,
      failures: [{ source: 'hub', error: 'Gave up on http://x after 5 tries (last error: HTTP 502).' }],
      newPending: 0,
    });
    expect(text).toContain('Forum: not mined (0 in all). Hub: FAILED, see below (0 in all).');
    expect(text).toContain('Hub mining stopped: Gave up on http://x after 5 tries (last error: HTTP 502).');
  });

  it('never presents a partial run as complete, and counts new rows apart from those that left', () => {
    const text = summarize(snap({ topics: 100, models: 0 }), snap({ version: 'v', topics: 98, models: 2500 }), {
      forum: { changedTopics: 1, goneTopics: 3, partial: false } as never,
      hub: {
        goneModels: 0,
        partial: true,
        skipped: [{ url: 'http://hub/api/models?cursor=x', error: 'not JSON' }],
        badEntries: 2,
      } as never,
      failures: [],
      newPending: 0,
    });
    expect(text.split('\n')[1]).toBe(
      'Forum: +1 new topics, 1 changed, 3 gone (98 in all). Hub: +2,500 new models (2,500 in all) — PARTIAL, not complete: 1 page skipped, 2 entries left out; the next refresh reads them again.',
    );
  });
});
