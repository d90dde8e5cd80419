import { describe, expect, it } from 'vitest';
import { resolveTheme, truncateQuote, type Theme } from '../../src/analysis/theme-resolve.js';

const THEMES: Theme[] = [
  { code: 'C10', category: 'API Usage', subcategory: null },
  { code: 'C10', category: 'API Usage', subcategory: 'API usage' },
  { code: 'C10', category: 'API Usage', subcategory: 'REST API' },
  { code: 'C3', category: 'Memory & Performance', subcategory: null },
  { code: 'C3', category: 'Memory & Performance', subcategory: 'Memory' },
];

describe('analysis/theme-resolve', () => {
  it('a category beats a subcategory of the same spelling; exact beats prefix', () => {
    expect(resolveTheme('api usage', THEMES)).toEqual({ kind: 'found', theme: THEMES[0] });
    expect(resolveTheme('MEMORY', THEMES)).toEqual({ kind: 'found', theme: THEMES[4] });
    expect(resolveTheme('c3', THEMES)).toEqual({ kind: 'found', theme: THEMES[3] });
    expect(resolveTheme('rest', THEMES)).toEqual({ kind: 'found', theme: THEMES[2] });
  });

  it('several prefixes are ambiguous; nothing near is unknown', () => {
    expect(resolveTheme('mem', THEMES)).toEqual({
      kind: 'ambiguous',
      candidates: ['C3 Memory & Performance', 'C3 Memory & Performance › Memory'],
    });
    expect(resolveTheme('qqqq', THEMES)).toEqual({ kind: 'unknown', suggestions: [] });
  });

  it('truncates at a sentence, else a word', () => {
    expect(truncateQuote('short')).toBe('short');
    expect(truncateQuote('One two three. Four five six seven eight', 20)).toBe('One two three. …');
    expect(truncateQuote('aaaa bbbb cccc dddd eeee', 12)).toBe('aaaa bbbb …');
  });
});
