import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { buildMentionMatcher, copyString, type MentionHit } from '../../src/analysis/mentions.js';
import { readModelTypes } from '../../src/data/miners/hub/model-types.js';
import { buildReferenceMatcher } from '../helpers/reference-mentions.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/**
 * V8 makes a substring of 13+ characters a view into its parent, so a hit whose sentence is a
 * slice of a post keeps the whole post in memory for as long as the hit lives (~2 KB per match
 * on the real forum). Measured here: 40 posts of 1 MB each, one hit kept from each, posts dropped.
 */
function retainedBytes(find: (texts: string[]) => MentionHit[]): number {
  const keep: MentionHit[] = [];
  const used = () => {
    // Several full collections: after one, the memory of dead Buffers was not always counted as freed yet.
    for (let i = 0; i < 3; i++) gc();
    const m = process.memoryUsage();
    return m.heapUsed + m.external;
  };
  const before = used();
  for (let i = 0; i < 40; i++) {
    // Built by a Buffer round trip: one flat string, as the database driver hands a post over.
    const post = Buffer.from(`${'words without a stop '.repeat(50_000)} then BERT number ${i} here`).toString();
    keep.push(...find([post]));
  }
  const after = used();
  expect(keep.map((h) => h.type)).toEqual(Array(40).fill('bert'));
  expect(keep[0]!.sentence.length).toBeGreaterThan(150);
  return after - before;
}

describe('analysis/mentions memory', () => {
  const types = readModelTypes();

  it('hits hold copies: dropping the posts frees them (the old slices kept every post alive)', () => {
    const matcher = buildMentionMatcher(types);
    const reference = buildReferenceMatcher(types);
    const posts = 40 * 1_050_000;
    expect(retainedBytes((t) => reference.find(t))).toBeGreaterThan(0.8 * posts);
    expect(retainedBytes((t) => matcher.find(t))).toBeLessThan(0.1 * posts);
    // Posts read as UTF-8 bytes (Buffers, outside the JS heap): the hits keep nothing of them either.
    expect(retainedBytes((t) => matcher.findUtf8(t.map((x) => Buffer.from(x))))).toBeLessThan(0.1 * posts);
  }, 120_000);

  it('copyString gives the same text', () => {
    const s = `${'x'.repeat(100)} middle ${'y'.repeat(100)}`.slice(50, 150);
    expect(copyString(s)).toBe(s);
    expect(copyString('short')).toBe('short');
  });
});
