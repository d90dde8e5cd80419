import { describe, expect, it } from 'vitest';
import { packText, textUnits } from '../../src/bot/fit-text.js';

const fences = (s: string) => (s.match(/```/g) ?? []).length;

describe('bot/fit-text', () => {
  it('keeps a fenced block as one unit and closes an unclosed fence', () => {
    expect(textUnits('a\n```\nx\ny\n```\nb')).toEqual(['a', '```\nx\ny\n```', 'b']);
    expect(textUnits('a\n```js\nx')).toEqual(['a', '```js\nx\n```']);
    // A fence opened and closed on one line is an ordinary line.
    expect(textUnits('run ```x``` now\nb')).toEqual(['run ```x``` now', 'b']);
  });

  it('packs lines into containers, cutting only between lines', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `line ${String(i).padStart(2, '0')} ${'x'.repeat(20)}`);
    const p = packText(lines.join('\n'), { max: 100, containers: 10, total: 10_000 });
    expect(p.complete).toBe(true);
    for (const c of p.chunks) expect(c.length).toBeLessThanOrEqual(100);
    // Nothing lost, nothing cut: the chunks are the lines in order.
    expect(p.chunks.join('\n')).toBe(lines.join('\n'));
  });

  it('stops at the container count or the total and says the text is incomplete, never mid-line', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `line ${i} ${'x'.repeat(40)}`);
    const byCount = packText(lines.join('\n'), { max: 100, containers: 2, total: 10_000 });
    expect(byCount.complete).toBe(false);
    expect(byCount.chunks).toHaveLength(2);
    const byTotal = packText(lines.join('\n'), { max: 1000, containers: 10, total: 250 });
    expect(byTotal.complete).toBe(false);
    const kept = byTotal.chunks.join('\n').split('\n');
    expect(kept).toEqual(lines.slice(0, kept.length));
    expect(byTotal.chunks.join('\n').length).toBeLessThanOrEqual(250);
  });

  it('splits a fenced block longer than a container into fenced pieces, each closed', () => {
    const body = Array.from({ length: 40 }, (_, i) => `row ${i} ${'y'.repeat(30)}`);
    const text = ['intro', '```', ...body, '```', 'outro'].join('\n');
    const p = packText(text, { max: 300, containers: 50, total: 100_000 });
    expect(p.complete).toBe(true);
    for (const c of p.chunks) {
      expect(c.length).toBeLessThanOrEqual(300);
      expect(fences(c) % 2).toBe(0);
    }
    // Every row is still there, whole.
    const rows = p.chunks
      .join('\n')
      .split('\n')
      .filter((l) => l.startsWith('row '));
    expect(rows).toEqual(body);
  });
});
