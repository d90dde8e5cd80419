/**
 * Topics per forum category per month, plain or cumulative (the package's
 * All_Categories_Over_Time.pdf and Categories_Expertise_Final.pdf). Pure: counts in, series out.
 */
import { monthRange } from './months.js';

export interface CategoryCount {
  category: string;
  month: string;
  topics: number;
}

export interface CategorySeries {
  category: string;
  /** Topics created in the window. */
  inWindow: number;
  /** Topics created up to the window's last month (what the cumulative line ends at). */
  total: number;
  series: { month: string; topics: number; cumulative: number }[];
}

/**
 * One series per category over from..to, largest total first (ties by name). The cumulative count
 * of a month is every topic created up to its end, including those before `from`, so a later
 * window starts where the category stood, as the package's cumulative charts do.
 */
export function categorySeries(rows: readonly CategoryCount[], from: string, to: string): CategorySeries[] {
  const months = monthRange(from, to);
  const by = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const m = by.get(r.category) ?? new Map<string, number>();
    by.set(r.category, m);
    m.set(r.month, (m.get(r.month) ?? 0) + r.topics);
  }
  const out: CategorySeries[] = [];
  for (const [category, m] of by) {
    let running = 0;
    for (const [month, n] of m) if (month < from) running += n;
    let inWindow = 0;
    const series = months.map((month) => {
      const topics = m.get(month) ?? 0;
      running += topics;
      inWindow += topics;
      return { month, topics, cumulative: running };
    });
    out.push({ category, inWindow, total: running, series });
  }
  return out.sort((a, b) => b.total - a.total || a.category.localeCompare(b.category));
}

/** The `keep` largest series, the rest summed into one named `otherLabel(k)`. */
export function topWithOther(
  all: readonly CategorySeries[],
  keep: number,
  otherLabel: (k: number) => string,
): CategorySeries[] {
  if (all.length <= keep + 1) return [...all];
  const head = all.slice(0, keep);
  const rest = all.slice(keep);
  const other: CategorySeries = {
    category: otherLabel(rest.length),
    inWindow: rest.reduce((s, c) => s + c.inWindow, 0),
    total: rest.reduce((s, c) => s + c.total, 0),
    series: rest[0]!.series.map((p, i) => ({
      month: p.month,
      topics: rest.reduce((s, c) => s + c.series[i]!.topics, 0),
      cumulative: rest.reduce((s, c) => s + c.series[i]!.cumulative, 0),
    })),
  };
  return [...head, other];
}

/** Names as people type them: case, spaces, emoji and punctuation carry no meaning ("transformers" = "🤗Transformers"). */
export function categoryKey(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}
