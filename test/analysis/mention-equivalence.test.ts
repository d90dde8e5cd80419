import { describe, expect, it } from 'vitest';
import { buildMentionScanner } from '../../src/analysis/mention-scan.js';
import { orderTypes, typeAlternative } from '../../src/analysis/mention-spellings.js';
import { AMBIGUOUS_TYPES, buildMentionMatcher } from '../../src/analysis/mentions.js';
import { readModelTypes } from '../../src/data/miners/hub/model-types.js';
import { generateCorpus } from '../helpers/mention-corpus.js';
import { buildReferenceMatcher, type RawMatch } from '../helpers/reference-mentions.js';

/**
 * The candidate scan against the pattern it replaces (test/helpers/reference-mentions.ts, the old
 * code): on 3,000 generated topics (~30,000 posts, ~15 MB) of real forum sentences mixed with
 * every type of data/model-types.txt in tricky spellings, both find the same matches and the
 * same hits. The last tests show the corpus can tell a subtly wrong matcher from the right one.
 */
describe('analysis/mentions: the candidate scan equals the old single pattern', () => {
  const types = readModelTypes();
  const ordered = orderTypes(types);
  const reference = buildReferenceMatcher(types);
  const scanner = buildMentionScanner(ordered);
  const corpus = [...generateCorpus({ topics: 3000, seed: 17, wordsPerPost: 40, tricky: true, types })];
  const texts = corpus.flatMap((t) => [t.title, ...t.posts]);
  const scan = (text: string) => {
    const out: RawMatch[] = [];
    scanner.scan(text, (t, index, end) => out.push({ index, text: text.slice(index, end), type: ordered[t]! }));
    return out;
  };
  const wanted = texts.map((t) => reference.all(t));
  // Generous: a large corpus on a machine that may be shared; none of these is a speed test.
  const LONG = 180_000;

  it('is a large and varied corpus', () => {
    expect(texts.length).toBeGreaterThan(25_000);
    expect(texts.reduce((s, t) => s + t.length, 0)).toBeGreaterThan(12_000_000);
    expect(Math.max(...texts.map((t) => t.length))).toBeGreaterThan(200_000);
    const all = wanted.flat();
    expect(all.length).toBeGreaterThan(60_000);
    // Every type and every ordinary-word type is matched, in more than one way of writing it.
    expect(new Set(all.map((m) => m.type))).toEqual(new Set(types));
    // ('donut' is listed as ambiguous but is no type: the type is donut-swin.)
    const ambiguous = [...AMBIGUOUS_TYPES].filter((t) => types.includes(t));
    expect(ambiguous.length).toBe(AMBIGUOUS_TYPES.size - 1);
    expect(ambiguous.filter((t) => !all.some((m) => m.type === t))).toEqual([]);
    const written = new Map<string, Set<string>>();
    for (const m of all) written.set(m.type, (written.get(m.type) ?? new Set()).add(m.text));
    expect([...written.values()].filter((s) => s.size >= 3).length).toBeGreaterThan(150);
    for (const alias of ['LLaMA 2', 'xlm roberta', 'wav2vec 2.0', 'gpt neo x', 'decision transformer'])
      expect(all.some((m) => m.text.toLowerCase() === alias.toLowerCase())).toBe(true);
    // Matches right beside non-ASCII characters, in one-byte and two-byte strings.
    const besideNonAscii = wanted.flatMap((ms, i) =>
      ms.filter(
        (m) =>
          (texts[i]!.codePointAt(m.index - 1) ?? 0) > 127 ||
          (texts[i]!.codePointAt(m.index + m.text.length) ?? 0) > 127,
      ),
    );
    expect(besideNonAscii.length).toBeGreaterThan(1000);
    const twoByte = (t: string) => [...t].some((c) => c.charCodeAt(0) > 0xff);
    expect(texts.some(twoByte) && texts.some((t) => !twoByte(t))).toBe(true);
  });

  it(
    'finds every match the old pattern finds: same place, same text, same type, nothing more',
    () => {
      const diffs: { text: string; want: RawMatch[]; got: RawMatch[] }[] = [];
      texts.forEach((text, i) => {
        const got = scan(text);
        if (JSON.stringify(got) !== JSON.stringify(wanted[i])) diffs.push({ text, want: wanted[i]!, got });
      });
      expect(diffs.slice(0, 3)).toEqual([]);
    },
    LONG,
  );

  it(
    'finds the same matches in the UTF-8 bytes of each text (as posts are read from the database)',
    () => {
      const diffs: { text: string; want: unknown[]; got: unknown[] }[] = [];
      let nonAscii = 0;
      texts.forEach((text, i) => {
        const bytes = Buffer.from(text, 'utf8');
        if (bytes.length !== text.length) nonAscii++;
        const got: unknown[] = [];
        scanner.scanUtf8!(bytes, (t, start, end) => got.push([start, bytes.toString('utf8', start, end), ordered[t]]));
        let at = 0;
        let offset = 0;
        const want = wanted[i]!.map((m) => {
          offset += Buffer.byteLength(text.slice(at, m.index));
          at = m.index;
          return [offset, m.text, m.type];
        });
        if (JSON.stringify(got) !== JSON.stringify(want)) diffs.push({ text, want, got });
      });
      expect(diffs.slice(0, 3)).toEqual([]);
      expect(nonAscii).toBeGreaterThan(5000);
    },
    LONG,
  );

  it(
    'gives the same hits per topic: type, text as written, sentence, ambiguity, order',
    () => {
      const matcher = buildMentionMatcher(types);
      let hits = 0;
      let cut = 0;
      for (const t of corpus) {
        const topicTexts = [t.title, ...t.posts];
        const want = reference.find(topicTexts);
        expect(matcher.find(topicTexts), `topic ${t.id}`).toEqual(want);
        expect(matcher.findUtf8(topicTexts.map((x) => Buffer.from(x))), `topic ${t.id}, bytes`).toEqual(want);
        hits += want.length;
        cut += want.filter((h) => h.sentence.startsWith('…') || h.sentence.endsWith('…')).length;
      }
      expect(hits).toBeGreaterThan(40_000);
      expect(cut).toBeGreaterThan(1000);
    },
    LONG,
  );

  it(
    'the corpus tells a subtly wrong matcher from the right one',
    () => {
      // The old pattern with one thing changed; each must disagree with it somewhere in the corpus.
      const variant = (order: readonly string[], before: string, flags: string) => {
        const re = new RegExp(`${before}(?:${order.map(typeAlternative).join('|')})(?![A-Za-z0-9_])`, flags);
        return (text: string) =>
          [...text.matchAll(re)].map((m) => ({
            index: m.index,
            text: m[0],
            type: order[m.findIndex((v, i) => i > 0 && v !== undefined) - 1]!,
          }));
      };
      const differs = (all: (text: string) => RawMatch[]) =>
        texts.some((text, i) => JSON.stringify(all(text)) !== JSON.stringify(wanted[i]));
      const before = '(?<![A-Za-z0-9_])';
      expect(differs(variant(ordered, before, 'gi'))).toBe(false); // the same pattern rebuilt: no difference
      expect(differs(variant([...ordered].reverse(), before, 'gi'))).toBe(true); // shortest name first
      expect(differs(variant(ordered, before, 'giu'))).toBe(true); // Unicode case folding: ſ is s, K is k
      expect(differs(variant(ordered, '(?<![A-Za-z_])', 'gi'))).toBe(true); // digits not word characters
    },
    LONG,
  );
});
