import { describe, expect, it } from 'vitest';
import { replyBlocks } from '../../../src/bot/slack/blocks.js';
import { createActionStore, fillTemplate } from '../../../src/bot/action-store.js';
import type { Reply } from '../../../src/commands/types.js';

describe('bot/slack/blocks', () => {
  it('escapes &, < and > so data text is not read as links or mentions', () => {
    const r: Reply = {
      text: 'p < 0.05 & rho > 0',
      data: {},
      provenance: { datasetVersion: 'v', sources: ['A&B.csv'] },
    };
    const blocks = replyBlocks(r, createActionStore()) as unknown as {
      text?: { text: string };
      elements?: { text: string }[];
    }[];
    expect(blocks[0]!.text!.text).toBe('p &lt; 0.05 &amp; rho &gt; 0');
    expect(blocks[1]!.elements![0]!.text).toBe('dataset v | source: A&amp;B.csv');
  });

  it('keeps long command templates in memory and short ones inside the control; caps select options at 100', () => {
    const store = createActionStore();
    const long = `code label ${'x'.repeat(300)} {value}`;
    const r: Reply = {
      text: 't',
      data: {},
      provenance: null,
      actions: [
        {
          type: 'select',
          id: 's',
          placeholder: 'Pick',
          command: long,
          options: Array.from({ length: 120 }, (_, i) => ({ label: `o${i}`, value: String(i) })),
        },
      ],
    };
    const sel = (
      replyBlocks(r, store) as unknown as { type: string; block_id?: string; elements?: { options: unknown[] }[] }[]
    ).find((b) => b.type === 'actions')!;
    expect(sel.block_id!.length).toBeLessThanOrEqual(255);
    expect(store.decode(sel.block_id!)).toBe(long);
    expect(sel.elements![0]!.options).toHaveLength(100);
    expect(store.decode('t:echo {value}')).toBe('echo {value}');
    expect(store.decode('k:unknown-after-restart')).toBeNull();
    expect(fillTemplate('code label 12 {value}', 'C8')).toBe('code label 12 C8');
  });
});
