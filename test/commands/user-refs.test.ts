import { describe, expect, it } from 'vitest';
import { parseUserRef, splitUserList } from '../../src/commands/user-refs.js';
import { parseCommandText } from '../../src/commands/parse.js';
import { commands } from '../../src/commands/index.js';

describe('commands/user-refs', () => {
  it('reads Slack escaped mentions, Discord mentions, namespaced ids and names', () => {
    expect(parseUserRef('<@U0AAA1|alice>')).toMatchObject({ kind: 'mention', id: 'U0AAA1' });
    expect(parseUserRef('<@U0AAA1>')).toMatchObject({ kind: 'mention', id: 'U0AAA1' });
    expect(parseUserRef('<@80351110224678912>')).toMatchObject({ kind: 'mention', id: '80351110224678912' });
    expect(parseUserRef('<@!80351110224678912>')).toMatchObject({ kind: 'mention', id: '80351110224678912' });
    expect(parseUserRef('slack:U0AAA1')).toMatchObject({ kind: 'ref', platform: 'slack', id: 'U0AAA1' });
    expect(parseUserRef('@alice')).toMatchObject({ kind: 'name', name: 'alice' });
    expect(parseUserRef('Alice Liddell')).toMatchObject({ kind: 'name', name: 'Alice Liddell' });
  });

  it('splits lists on commas and spaces, keeping mention labels and quoted names whole', () => {
    expect(splitUserList('<@U1|Alice Liddell>, <@U2> @carol,dave')).toEqual([
      '<@U1|Alice Liddell>',
      '<@U2>',
      '@carol',
      'dave',
    ]);
    expect(splitUserList('<@1> <@!2>')).toEqual(['<@1>', '<@!2>']);
    // Chat tokens: a token with a space was quoted ("Alice Liddell"), so it is one name.
    expect(splitUserList(['@alice,Alice Liddell,bob', '@carol'])).toEqual(['@alice', 'Alice Liddell', 'bob', '@carol']);
  });

  it('/code start takes raters named and loose, as people type after an @-autocomplete', () => {
    const p = parseCommandText('/code start name:r1 size:5 raters:<@U0AAA1>, <@U0BBB2> @carol "Dan Brown"', commands);
    expect(p.args.raters).toEqual(['<@U0AAA1>', '<@U0BBB2>', '@carol', 'Dan Brown']);
    const q = parseCommandText('/code start name:r1 size:5 raters:@alice,"Carol Danvers",bob purpose:study', commands);
    expect(q.args.raters).toEqual(['@alice', 'Carol Danvers', 'bob']);
    expect(q.args.purpose).toBe('study');
  });
});
