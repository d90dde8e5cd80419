import { describe, expect, it } from 'vitest';
import { categoryKey, categorySeries, topWithOther } from '../../src/analysis/forum-categories.js';

const rows = [
  { category: 'Beginners', month: '2020-07', topics: 2 },
  { category: 'Beginners', month: '2020-09', topics: 3 },
  { category: 'Intermediate', month: '2020-08', topics: 1 },
  { category: 'Beginners', month: '2020-10', topics: 4 },
];

describe('analysis/forum-categories', () => {
  it('fills missing months with 0 and runs totals from before the window', () => {
    const [b, i] = categorySeries(rows, '2020-08', '2020-10');
    expect(b).toEqual({
      category: 'Beginners',
      inWindow: 7,
      total: 9,
      series: [
        { month: '2020-08', topics: 0, cumulative: 2 },
        { month: '2020-09', topics: 3, cumulative: 5 },
        { month: '2020-10', topics: 4, cumulative: 9 },
      ],
    });
    expect(i!.series.map((p) => p.cumulative)).toEqual([1, 1, 1]);
  });

  it('keeps the largest and sums the rest month by month', () => {
    const all = categorySeries(
      [...rows, { category: 'Spaces', month: '2020-09', topics: 1 }, { category: 'Hub', month: '2020-10', topics: 1 }],
      '2020-07',
      '2020-10',
    );
    const top = topWithOther(all, 1, (k) => `${k} others`);
    expect(top.map((c) => c.category)).toEqual(['Beginners', '3 others']);
    expect(top[1]!.series.map((p) => p.topics)).toEqual([0, 1, 1, 1]);
    expect(top[1]!.total).toBe(3);
    // Nothing to fold when only one would be left over.
    expect(topWithOther(all.slice(0, 2), 1, (k) => `${k}`)).toHaveLength(2);
  });

  it('matches names without case, spaces or emoji', () => {
    expect(categoryKey('🤗Transformers')).toBe('transformers');
    expect(categoryKey('Flax/JAX Projects')).toBe('flaxjaxprojects');
  });
});
