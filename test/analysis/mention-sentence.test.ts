import { describe, expect, it } from 'vitest';
import { sentenceAround, sentenceAroundUtf8 } from '../../src/analysis/mention-sentence.js';
import { lcg } from '../helpers/fake-discourse.js';
import { referenceSentenceAround } from '../helpers/reference-mentions.js';

describe('analysis/mention-sentence', () => {
  it('cuts at . ! ? or a line, at most 160 characters each side, marking cuts with …', () => {
    expect(sentenceAround('a. b c d. e', 5, 1)).toBe('b c d.');
    expect(sentenceAround('First line.\nI will opt for a bigger batch. Then', 19, 3)).toBe(
      'I will opt for a bigger batch.',
    );
    const long = `${'x'.repeat(300)} bert ${'y'.repeat(300)}`;
    expect(sentenceAround(long, 301, 4)).toBe(`…${'x'.repeat(159)} bert ${'y'.repeat(155)}…`);
  });

  // Sentences in one-byte, two-byte (é), three-byte (中) and four-byte (🤗, two UTF-16 units)
  // characters, stops near and far, long runs that hit the 160-unit limit on either side.
  const rnd = lcg(11);
  const pieces = [
    'word ',
    'é',
    '中文',
    '🤗',
    '. ',
    '!',
    '?',
    '\n',
    ' ',
    'x'.repeat(50),
    '中'.repeat(200),
    '🤗'.repeat(120),
  ];
  const texts = Array.from({ length: 400 }, () =>
    Array.from({ length: 1 + Math.floor(rnd() * 60) }, () => pieces[Math.floor(rnd() * pieces.length)]).join(''),
  );

  it('is the old sentence, on a string', () => {
    for (const text of texts)
      for (let i = 0; i < 20; i++) {
        const start = Math.floor(rnd() * text.length);
        const len = Math.floor(rnd() * Math.min(8, text.length - start));
        expect(sentenceAround(text, start, len)).toBe(referenceSentenceAround(text, start, len));
      }
  });

  it('on bytes, stops inside a surrogate pair where the 160-unit limit falls, as the old walk did', () => {
    const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
    for (const text of [
      `${'🤗'.repeat(100)} bert`,
      `bert ${'🤗'.repeat(100)}`,
      `${'🤗'.repeat(90)} bert ${'🤗'.repeat(90)}`,
    ]) {
      const i = text.indexOf('bert');
      const want = sentenceAround(text, i, 4);
      expect(lone.test(want)).toBe(true);
      const at = Buffer.byteLength(text.slice(0, i));
      expect(sentenceAroundUtf8(Buffer.from(text), at, at + 4)).toBe(want);
    }
  });

  it('is the same on UTF-8 bytes, decoding only the sentence', () => {
    let checked = 0;
    for (const base of texts) {
      const text = `${base} bert ${base}`;
      const bytes = Buffer.from(text);
      // Every ASCII character is a possible match start (matches are ASCII).
      for (let i = 0; i < text.length; i += 1 + Math.floor(rnd() * 7)) {
        if (text.charCodeAt(i) >= 128) continue;
        let end = i;
        while (end < text.length && end - i < 4 && text.charCodeAt(end) < 128) end++;
        const at = Buffer.byteLength(text.slice(0, i));
        expect(sentenceAroundUtf8(bytes, at, at + (end - i)), `${i} in ${JSON.stringify(text)}`).toBe(
          sentenceAround(text, i, end - i),
        );
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20_000);
  });
});
