/**
 * The layering rules of CONTRIBUTING.md, checked on the real sources by scripts/import-graph.ts:
 * no import circle, no runtime arrow back up the layers, at most one type-only one.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkGraph, circles, importsOf, layerOf, upward } from '../scripts/import-graph.js';
import { ROOT } from './helpers/paths.js';

describe('import graph (scripts/import-graph.ts)', () => {
  it('src/ has no import circle, no runtime arrow up the layers, at most one type-only one', () => {
    const r = checkGraph(path.join(ROOT, 'src'));
    expect(r.modules).toBeGreaterThan(150);
    expect(r.circles).toEqual([]);
    expect(r.upwardRuntime).toEqual([]);
    expect(r.upwardTypeOnly.length).toBeLessThanOrEqual(1);
    expect(r.dangling).toEqual([]);
  });

  it('reads static, re-exported, type-only and dynamic imports', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from '../b/b.js';",
      "import { type C, type D } from './c.js';",
      "import { type E, f } from './e.js';",
      "export { g } from './g.js';",
      "export type { H } from './h.js';",
      "import { readFileSync } from 'node:fs';",
      "const later = () => import('./later.js');",
      "type T = import('./t.js').T;",
    ].join('\n');
    const edges = importsOf('commands/x', text).map((e) => [e.to, e.typeOnly, e.dynamic]);
    expect(edges).toEqual([
      ['commands/a', false, false],
      ['b/b', true, false],
      ['commands/c', true, false],
      ['commands/e', false, false],
      ['commands/g', false, false],
      ['commands/h', true, false],
      ['commands/later', false, true],
      ['commands/t', true, false],
    ]);
  });

  it('finds a circle through a dynamic import and an arrow that runs up the layers', () => {
    const edges = [
      ...importsOf('commands/help', "const m = () => import('./index.js');"),
      ...importsOf('commands/index', "import { help } from './help.js';"),
      ...importsOf('data/refresh', "import { cardsSpec } from '../render/specs/cards.js';"),
    ];
    const modules = ['commands/help', 'commands/index', 'data/refresh', 'render/specs/cards'];
    expect(circles(modules, edges)).toEqual([['commands/help', 'commands/index']]);
    expect(upward(edges).map((e) => `${e.from} -> ${e.to}`)).toEqual(['data/refresh -> render/specs/cards']);
    expect(layerOf('messages/core')).toBeLessThan(layerOf('analysis/spearman'));
    expect(layerOf('jobs/refresh')).toBeLessThan(layerOf('bot/serve'));
    expect(() => layerOf('nowhere/x')).toThrow(/in no layer/);
  });
});
