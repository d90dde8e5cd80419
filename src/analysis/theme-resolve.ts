/**
 * /examples <theme>: a theme is a category code (C8), a category name, a subcategory name,
 * or a unique prefix of a name; case-insensitive. Pure, so the matching order is testable.
 */
import { closest, levenshtein } from './similarity.js';

export interface Theme {
  code: string;
  category: string;
  /** null for the category itself. */
  subcategory: string | null;
}

export type ThemeMatch =
  | { kind: 'found'; theme: Theme }
  | { kind: 'ambiguous'; candidates: string[] }
  | { kind: 'unknown'; suggestions: string[] };

export function themeLabel(t: Theme): string {
  return t.subcategory ? `${t.code} ${t.category} › ${t.subcategory}` : `${t.code} ${t.category}`;
}

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** Exact code, then exact name (a category beats a subcategory spelled the same), then unique prefix. */
export function resolveTheme(input: string, themes: readonly Theme[]): ThemeMatch {
  const q = norm(input);
  const byCode = themes.find((t) => t.subcategory === null && t.code.toLowerCase() === q);
  if (byCode) return { kind: 'found', theme: byCode };
  const name = (t: Theme) => norm(t.subcategory ?? t.category);
  const exact = themes.filter((t) => name(t) === q);
  const exactCat = exact.find((t) => t.subcategory === null);
  if (exactCat) return { kind: 'found', theme: exactCat };
  if (exact.length === 1) return { kind: 'found', theme: exact[0]! };
  if (exact.length > 1) return { kind: 'ambiguous', candidates: exact.map(themeLabel) };
  const prefix = themes.filter((t) => name(t).startsWith(q));
  if (prefix.length === 1) return { kind: 'found', theme: prefix[0]! };
  if (prefix.length > 1) return { kind: 'ambiguous', candidates: prefix.map(themeLabel) };
  const names = [...new Set(themes.map((t) => t.subcategory ?? t.category))];
  const near = closest(input, names, 3);
  // Words inside names help when the whole name is far ("documentaton" -> "Lack of Documentation").
  const wordLimit = Math.max(1, Math.floor(q.length / 4));
  const inside = names
    .filter(
      (n) =>
        !near.includes(n) &&
        (norm(n).includes(q) ||
          norm(n)
            .split(/[^a-z0-9]+/)
            .some((w) => w.length > 3 && levenshtein(q, w) <= wordLimit)),
    )
    .slice(0, Math.max(0, 3 - near.length));
  return { kind: 'unknown', suggestions: [...near, ...inside] };
}

/** Cuts at a sentence or word boundary so a quote stays readable in a chat message. */
export function truncateQuote(text: string, max = 240): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const sentence = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('? '), cut.lastIndexOf('! '));
  if (sentence > max * 0.6) return `${cut.slice(0, sentence + 1)} …`;
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[,;:]$/, '')} …`;
}
