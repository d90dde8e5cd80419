import { describe, expect, it } from 'vitest';
import { composeAnswer } from '../../src/bot/long-answer.js';
import { discordPayload } from '../../src/bot/discord/reply-message.js';
import { slackMessage } from '../../src/bot/slack/blocks.js';
import { createActionStore } from '../../src/bot/action-store.js';
import { tableCsv } from '../../src/bot/reply-attachments.js';
import type { Reply } from '../../src/reply.js';
import { discordMessageProblems, slackMessageProblems } from '../helpers/platform-limits.js';
import { checkAnswer, unescapeSlack } from './answer-checks.js';

const fence = (b: string) => `\`\`\`\n${b}\n\`\`\``;
const table = {
  columns: ['model', 'rho', 'note'],
  rows: Array.from({ length: 300 }, (_, i) => [`model-${i}`, Number((i / 300).toFixed(4)), `a & b < c ${i}`]),
};
/** 20,000 characters of text with a 60-line fenced block in the middle: longer than any message. */
const longText = [
  ...Array.from({ length: 150 }, (_, i) => `Line ${i}: ${'word '.repeat(12)}`),
  '```',
  ...Array.from({ length: 60 }, (_, i) => `code ${i} ${'x'.repeat(40)}`),
  '```',
  ...Array.from({ length: 150 }, (_, i) => `More ${i}: ${'word '.repeat(12)}`),
].join('\n');
const reply: Reply = { text: longText, table, data: {}, provenance: { datasetVersion: 'v1', sources: ['test'] } };

describe('bot/long-answer', () => {
  it('cuts text at a line, says where it continues, and still shows the first table rows', () => {
    const c = composeAnswer(
      longText,
      table,
      { max: 4096, containers: 10, total: 6000 },
      { fence, csvName: 'x.csv', textName: 'x.txt' },
    );
    expect(c.textComplete).toBe(false);
    const all = c.chunks.join('\n');
    expect(all).toContain('The answer continues in x.txt.');
    expect(c.chunks.reduce((s, x) => s + x.length, 0)).toBeLessThanOrEqual(6000);
    expect(c.table!.shown).toBeGreaterThan(0);
    expect(all).toContain(`First ${c.table!.shown} of 300 rows; all 300 are in x.csv.`);
  });

  it('says how many rows it shows when no file can carry the rest', () => {
    const c = composeAnswer(
      'short',
      table,
      { max: 3000, containers: 5, total: 3000 },
      { fence, csvName: null, textName: null },
    );
    expect(c.chunks.join('\n')).toMatch(/First \d+ of 300 rows; a private answer cannot carry the CSV here/);
  });

  it('keeps a note when every container is already full of text', () => {
    const c = composeAnswer(
      longText,
      undefined,
      { max: 1000, containers: 3, total: 100_000 },
      { fence, csvName: null, textName: 't.txt' },
    );
    expect(c.chunks).toHaveLength(3);
    expect(c.chunks.at(-1)).toContain('The answer continues in t.txt.');
    for (const x of c.chunks) expect(x.length).toBeLessThanOrEqual(1000);
  });

  it('Discord: an answer longer than a message stays within the limits and attaches the whole text and table', () => {
    const csv = tableCsv(reply, '/long')!;
    const p = discordPayload(reply, [csv], createActionStore(), { raw: '/long' });
    const files = p.files.map((f) => ({ name: f.name, data: f.attachment }));
    expect(files.map((f) => f.name)).toEqual(['long.csv', 'long.txt']);
    expect(discordMessageProblems({ embeds: p.embeds }, files)).toEqual([]);
    checkAnswer(reply, { texts: p.embeds.map((e) => e.description ?? ''), files, csvName: 'long.csv' });
  });

  it('Slack: the same answer in sections within Block Kit limits, escaped, with the text file', () => {
    const m = slackMessage(reply, createActionStore(), { raw: '/long' });
    expect(slackMessageProblems({ text: m.text, blocks: m.blocks })).toBeNull();
    expect(m.textFile?.name).toBe('long.txt');
    const sections = (m.blocks as unknown as { type: string; text?: { text: string } }[])
      .filter((b) => b.type === 'section')
      .map((b) => b.text!.text);
    expect(sections.join('\n')).toContain('a &amp; b &lt; c 0');
    const csv = tableCsv(reply, '/long')!;
    checkAnswer(reply, { texts: sections.map(unescapeSlack), files: [csv, m.textFile!], csvName: 'long.csv' });
  });
});
