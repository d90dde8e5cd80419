import { describe, expect, it } from 'vitest';
import { type CharSet, matchPrefixes } from '../../src/analysis/regex-prefixes.js';
import { spellings } from '../../src/analysis/mention-spellings.js';
import { readModelTypes } from '../../src/data/miners/hub/model-types.js';
import { lcg } from '../helpers/fake-discourse.js';

const show = (sets: CharSet[]) => sets.map((s) => (s ? [...s].sort().join('') : '*'));
const covers = (fragment: string, k: number, text: string) =>
  matchPrefixes(fragment, k).some(
    (p) =>
      (p.complete ? p.chars.length === text.length : p.chars.length <= text.length) &&
      p.chars.every((set, i) => set === null || set.has(text[i]!.toLowerCase())),
  );

describe('analysis/regex-prefixes', () => {
  it('reads literals, escapes, classes, optional parts and groups, case-folded', () => {
    expect(matchPrefixes('GPT[-_]?2', 9).map((p) => [show(p.chars), p.complete])).toEqual([
      [['g', 'p', 't', '2'], true],
      [['g', 'p', 't', '-_', '2'], true],
    ]);
    const paths = (f: string) =>
      matchPrefixes(f, 9)
        .map((p) => show(p.chars).join('|'))
        .sort();
    expect(paths('llama[-_ ]?[1-3](?:\\.\\d)?')).toEqual([
      'l|l|a|m|a| -_|123',
      'l|l|a|m|a| -_|123|.|0123456789',
      'l|l|a|m|a|123',
      'l|l|a|m|a|123|.|0123456789',
    ]);
    expect(matchPrefixes('a|b(?:c|d)', 5).map((p) => show(p.chars).join(''))).toEqual(['a', 'bc', 'bd']);
  });

  it('cuts at k characters, and a cut prefix lets anything follow', () => {
    expect(matchPrefixes('roberta', 3)).toEqual([
      { chars: [new Set('r'), new Set('o'), new Set('b')], complete: false },
    ]);
  });

  it('stops at what it does not read, saying "anything from here on" (never too narrow)', () => {
    for (const [fragment, seen] of [
      ['ab+c', 'a'],
      ['ab*c', 'a'],
      ['ab{2}c', 'a'],
      ['a\\wc', 'a'],
      ['a(?=b)c', 'a'],
      ['a(?<n>b)', 'a'],
      ['a[^b]c', 'a'],
      ['aéb', 'a'],
      ['a^b', 'a'],
      ['a\\1', 'a'],
    ] as const) {
      const ps = matchPrefixes(fragment, 9);
      expect(
        ps.every((p) => !p.complete),
        fragment,
      ).toBe(true);
      expect(
        ps.some((p) => show(p.chars).join('') === seen),
        fragment,
      ).toBe(true);
    }
    expect(matchPrefixes('a.c', 9)).toEqual([{ chars: [new Set('a'), null, new Set('c')], complete: true }]);
    expect(matchPrefixes('a)b', 9)).toEqual([{ chars: [], complete: false }]);
  });

  it('covers every string the real spellings match (generated from the spellings themselves)', () => {
    // Strings the fragment matches, drawn by reading each spelling as a tiny generator:
    // each optional part kept or not, each class member picked at random, letters in random case.
    const rnd = lcg(5);
    const draw = (fragment: string): string | null => {
      for (let tries = 0; tries < 200; tries++) {
        const s = fragment.replace(/\\d/g, () => String(Math.floor(rnd() * 10)));
        const candidate = s
          .replace(/\(\?:([^()]*)\)\?/g, (_, body) => (rnd() < 0.5 ? body : ''))
          .replace(/\[([^\]]*)\](\?)?/g, (_, body: string, opt) => {
            if (opt && rnd() < 0.5) return '';
            const chars = body.replace(/(.)-(.)/g, (_m, a: string, b: string) =>
              Array.from({ length: b.charCodeAt(0) - a.charCodeAt(0) + 1 }, (_x, i) =>
                String.fromCharCode(a.charCodeAt(0) + i),
              ).join(''),
            );
            return chars[Math.floor(rnd() * chars.length)]!;
          })
          .replace(/\\(.)/g, '$1')
          .replace(/[a-z]/g, (c) => (rnd() < 0.5 ? c.toUpperCase() : c));
        if (new RegExp(`^(?:${fragment})$`, 'i').test(candidate)) return candidate;
      }
      return null;
    };
    let checked = 0;
    for (const type of readModelTypes())
      for (const fragment of spellings(type))
        for (let i = 0; i < 8; i++) {
          const text = draw(fragment);
          if (text === null) continue;
          checked++;
          for (const k of [1, 3, 40]) expect(covers(fragment, k, text), `${fragment} / ${text} / k=${k}`).toBe(true);
        }
    expect(checked).toBeGreaterThan(1400);
  });
});
