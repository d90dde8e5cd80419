import { describe, expect, it } from 'vitest';
import { commandFor, manifest } from '../../src/commands/manifest.js';
import { commands } from '../../src/commands/index.js';

describe('commands/manifest', () => {
  it('names every command of the registry, in /help order, each name loading its own command', async () => {
    expect(manifest.map(([name]) => name)).toEqual(commands.map((c) => c.definition.name));
    for (const [name, load] of manifest)
      expect(((await load()) as (typeof commands)[number]).definition.name).toBe(name);
  });

  it('finds the one command a line names, as the parser reads it', async () => {
    expect((await commandFor('/dataset'))?.definition.name).toBe('dataset');
    expect((await commandFor('trend LLaMa from:2021-01'))?.definition.name).toBe('trend');
    expect((await commandFor('/trends sort:rho'))?.definition.name).toBe('trends');
    expect((await commandFor('/Code Label 639 C1 code:"a b"'))?.definition.name).toBe('code label');
    expect((await commandFor('/code label'))?.definition.name).toBe('code label');
  });

  it('returns null when the whole registry is needed: /help, a group, an unknown name, unparsable text', async () => {
    for (const text of ['/help', '/help trend', '/code', '/code lable 1', '/trnd llama', '', '/trend "unclosed'])
      expect(await commandFor(text), text).toBeNull();
  });
});
