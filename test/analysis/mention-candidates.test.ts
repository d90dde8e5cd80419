import { describe, expect, it } from 'vitest';
import { bucketAt, buildCandidateAutomaton } from '../../src/analysis/mention-candidates.js';
import { AFTER, BEFORE, orderTypes, spellings } from '../../src/analysis/mention-spellings.js';
import { readModelTypes } from '../../src/data/miners/hub/model-types.js';
import { generateCorpus } from '../helpers/mention-corpus.js';

/**
 * The filter's one duty: wherever a type's own pattern matches, that type is in the bucket the
 * automaton gives for that position. Checked position by position against each type's regex.
 */
function missed(lists: string[][], texts: string[]): string[] {
  const a = buildCandidateAutomaton(lists);
  // Every position where the type's own pattern matches (zero-width, so overlapping ones too).
  const own = lists.map((l) => new RegExp(`${BEFORE}(?=(?:${l.join('|')})${AFTER})`, 'gi'));
  const out: string[] = [];
  for (const text of texts)
    own.forEach((re, t) => {
      for (const m of text.matchAll(re))
        if (!a.buckets[bucketAt(a, text, m.index)]!.includes(t))
          out.push(`${lists[t]!.join('|')} at ${m.index} in ${JSON.stringify(text)}`);
    });
  return out;
}

describe('analysis/mention-candidates', () => {
  const types = orderTypes(readModelTypes());

  it('never leaves out a type that matches, for every type of data/model-types.txt on forum text with every spelling trick', () => {
    const texts = [...generateCorpus({ topics: 150, seed: 3, wordsPerPost: 40, tricky: true, types })].flatMap((t) => [
      t.title,
      ...t.posts,
    ]);
    expect(texts.join('').length).toBeGreaterThan(500_000);
    expect(missed(types.map(spellings), texts)).toEqual([]);
  });

  it('keeps its promise for spellings it cannot read, by letting anything through from there', () => {
    const lists = [['ab+c'], ['x.*y'], ['q(?=r)r\\w'], ['k\\w+'], ['é+t'], ['(?:m|n)[^a]z'], ['zz{2}'], ['t5']];
    const texts = [
      'abbbc abc ac xy x--y q rr qrr qrs k9 kw kww étt ét mbz mzz naz zzz zz t5 t5x',
      'Abbc XY QRS K_ NBZ T5.',
    ];
    expect(missed(lists, texts)).toEqual([]);
    // A spelling unreadable from its first character makes every position a candidate...
    expect(bucketAt(buildCandidateAutomaton(lists), 'hello', 0)).not.toBe(0);
    // ...while the others still narrow where they can be read: nothing can start at "hello".
    expect(bucketAt(buildCandidateAutomaton(lists.filter((l) => l[0] !== 'é+t')), 'hello', 0)).toBe(0);
  });

  it('is a real filter: most word starts of ordinary text end in the dead state', () => {
    const a = buildCandidateAutomaton(types.map(spellings));
    const text = 'I am trying to fine-tune a model on my own data but the training loss does not go down';
    const starts = [...text.matchAll(/\b\w/g)].map((m) => m.index);
    expect(starts.filter((p) => bucketAt(a, text, p) !== 0)).toEqual([]);
    expect(a.buckets[bucketAt(a, 'use bert-base', 4)]!.map((t) => types[t])).toContain('bert');
  });
});
