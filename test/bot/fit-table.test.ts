import { describe, expect, it } from 'vitest';
import { CELL_MAX, fitTable, tableText } from '../../src/bot/fit-table.js';
import { formatTable } from '../../src/bot/format-text.js';

const table = {
  columns: ['model', 'rho', 'note'],
  rows: Array.from({ length: 144 }, (_, i) => [`model-${i}`, Number((i / 144).toFixed(4)), `note ${i}`]),
};
const wrap = (b: string) => `\`\`\`\n${b}\n\`\`\``;

describe('bot/fit-table', () => {
  it('shows the most whole rows that fit the budget, from the top', () => {
    const f = fitTable(table, 1000, wrap)!;
    expect(f.block.length).toBeLessThanOrEqual(1000);
    expect(f.total).toBe(144);
    // One more row would not have fitted.
    expect(wrap(tableText(table, f.shown + 1)).length).toBeGreaterThan(1000);
    // The rows shown are exactly the first rows, each line whole.
    const lines = f.block.split('\n').slice(3, -1);
    expect(lines).toHaveLength(f.shown);
    expect(lines.map((l) => l.split(/\s+/)[0])).toEqual(table.rows.slice(0, f.shown).map((r) => r[0]));
  });

  it('returns null when not even the header fits, and all rows when they all fit', () => {
    expect(fitTable(table, 10, wrap)).toBeNull();
    const all = fitTable(table, 100_000, wrap)!;
    expect(all.shown).toBe(144);
    expect(all.block).toBe(wrap(formatTable(table, 144)));
  });

  it('shortens cells longer than CELL_MAX with an ellipsis, in chat only', () => {
    const long = 'd'.repeat(200);
    const t = { columns: ['code', 'definition'], rows: [['C1', long]] };
    const text = tableText(t, 1);
    expect(text).toContain(`${'d'.repeat(CELL_MAX - 1)}…`);
    expect(text).not.toContain('d'.repeat(CELL_MAX));
    expect(t.rows[0]![1]).toBe(long);
  });
});
