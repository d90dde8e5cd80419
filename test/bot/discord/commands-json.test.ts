import { describe, expect, it } from 'vitest';
import { discordCommands, findDiscordCommand } from '../../../src/bot/discord/commands-json.js';
import { commands } from '../../../src/commands/index.js';
import { testCommands } from '../test-commands.js';

// Discord's documented constraints for CHAT_INPUT commands and their options.
const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

type Opt = {
  type: number;
  name: string;
  description: string;
  required?: boolean;
  choices?: unknown[];
  autocomplete?: boolean;
  options?: Opt[];
  min_value?: number;
  max_value?: number;
};

function checkOptions(opts: Opt[]) {
  expect(opts.length).toBeLessThanOrEqual(25);
  let seenOptional = false;
  for (const o of opts) {
    expect(o.name).toMatch(NAME);
    expect(o.name).toBe(o.name.toLowerCase());
    expect(o.description.length).toBeGreaterThan(0);
    expect(o.description.length).toBeLessThanOrEqual(100);
    if (o.type === 1) checkOptions(o.options ?? []);
    else {
      if (!o.required) seenOptional = true;
      else expect(seenOptional).toBe(false);
      if (o.choices) expect(o.choices.length).toBeLessThanOrEqual(25);
      expect(Boolean(o.choices && o.autocomplete)).toBe(false);
    }
  }
}

describe('bot/discord/commands-json', () => {
  it('turns the real registry into valid Discord slash commands', () => {
    const json = discordCommands(commands) as unknown as (Opt & { type: number })[];
    const names = json.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const c of json) {
      expect(c.type).toBe(1);
      expect(c.name).toMatch(NAME);
      expect(c.description.length).toBeLessThanOrEqual(100);
      checkOptions(c.options ?? []);
    }
    expect(names).toEqual(expect.arrayContaining(['help', 'dataset']));
    // Discord caps the characters of a command's names, descriptions and choice values combined.
    const size = (o: Opt & { value?: unknown }): number =>
      o.name.length +
      (o.description?.length ?? 0) +
      (typeof o.value === 'string' ? o.value.length : 0) +
      (o.options ?? []).reduce((a, x) => a + size(x), 0) +
      ((o.choices ?? []) as (Opt & { value?: unknown })[]).reduce((a, x) => a + size(x), 0);
    for (const c of json) expect(size(c)).toBeLessThanOrEqual(4000);
  });

  it('groups "x y" names into subcommands and maps interactions back to them', () => {
    const { commands: list } = testCommands();
    const json = discordCommands(list) as unknown as Opt[];
    const probe = json.find((c) => c.name === 'probe')!;
    expect(probe.options).toEqual([
      {
        type: 1,
        name: 'thread',
        description: 'A subcommand with a thread',
        options: [{ type: 4, name: 'topic', description: 'Topic id', required: true, min_value: 1 }],
      },
    ]);
    expect(findDiscordCommand(list, 'probe', 'thread')?.definition.name).toBe('probe thread');
    expect(findDiscordCommand(list, 'probe', null)).toBeUndefined();
  });

  it('maps option kinds to types, with choices and autocomplete flags', () => {
    const { commands: list } = testCommands();
    const json = discordCommands(list) as unknown as Opt[];
    const plot = json.find((c) => c.name === 'plot')!;
    expect(plot.options).toEqual([
      {
        type: 3,
        name: 'kind',
        description: 'Kind',
        required: false,
        choices: [
          { name: 'bar', value: 'bar' },
          { name: 'line', value: 'line' },
        ],
      },
      { type: 3, name: 'model', description: 'Model type', required: false, autocomplete: true },
    ]);
    const echo = json.find((c) => c.name === 'echo')!;
    expect(echo.options![0]).toEqual({
      type: 4,
      name: 'n',
      description: 'A number',
      required: true,
      min_value: 0,
      max_value: 1000,
    });
  });
});
