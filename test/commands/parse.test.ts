import { describe, expect, it } from 'vitest';
import { parseCommandText } from '../../src/commands/parse.js';
import { tokenize } from '../../src/commands/tokenize.js';
import { defineCommand, type Command } from '../../src/commands/types.js';
import { opt } from '../../src/commands/options.js';
import type { HfbotError } from '../../src/errors.js';

const trend = defineCommand({
  definition: {
    name: 'trend',
    description: 'test',
    options: {
      model: opt.model({ description: 'model', required: true, positional: true }),
      from: opt.month({ description: 'from', default: '2020-07' }),
      to: opt.month({ description: 'to' }),
      top: opt.integer({ description: 'top', min: 1, max: 50 }),
      level: opt.choice({
        description: 'level',
        choices: ['all', 'beginner', 'intermediate'] as const,
        default: 'all',
      }),
    },
  },
  execute: () => ({ text: '', data: {}, provenance: null }),
});
const label = defineCommand({
  definition: {
    name: 'code label',
    description: 'test',
    options: {
      topic: opt.integer({ description: 'topic', required: true, positional: true, min: 1 }),
      category: opt.string({ description: 'category', required: true, positional: true }),
      code: opt.string({ description: 'free text' }),
    },
  },
  execute: () => ({ text: '', data: {}, provenance: null }),
});
const examples = defineCommand({
  definition: {
    name: 'examples',
    description: 't',
    options: {
      theme: opt.theme({ description: 'theme', required: true, positional: true }),
      n: opt.integer({ description: 'n', default: 5 }),
    },
  },
  execute: () => ({ text: '', data: {}, provenance: null }),
});
const registry = [trend, label, examples] as unknown as Command[];

function error(text: string): HfbotError {
  try {
    parseCommandText(text, registry);
  } catch (e) {
    return e as HfbotError;
  }
  throw new Error(`expected ${text} to fail`);
}

describe('commands/tokenize', () => {
  it('splits words, quoted phrases and name:value pairs, including curly quotes', () => {
    expect(tokenize('trend llama from:2021-01 code:"free text here" “a b”')).toEqual([
      { value: 'trend' },
      { value: 'llama' },
      { name: 'from', value: '2021-01' },
      { name: 'code', value: 'free text here' },
      { value: 'a b' },
    ]);
  });
  it('keeps a quoted word with a colon as a value', () => {
    expect(tokenize('"C8: output"')).toEqual([{ value: 'C8: output' }]);
  });
  it('rejects an unclosed quote', () => {
    expect(() => tokenize('code:"oops')).toThrow(/quote \("\) is not closed/);
  });
});

describe('commands/parse', () => {
  it('parses positional and name:value options with defaults and types', () => {
    const p = parseCommandText('/trend llama from:2021-01 to:2023-05 top:5 level:Beginner', registry);
    expect(p.command.definition.name).toBe('trend');
    expect(p.args).toEqual({ model: 'llama', from: '2021-01', to: '2023-05', top: 5, level: 'beginner' });
    expect(parseCommandText('trend bert', registry).args).toEqual({ model: 'bert', from: '2020-07', level: 'all' });
  });

  it('resolves subcommands and lets a rest option take the remaining words', () => {
    expect(parseCommandText('/code label 639 C1 code:"needs a notebook"', registry).args).toEqual({
      topic: 639,
      category: 'C1',
      code: 'needs a notebook',
    });
    expect(parseCommandText('/examples Tutorial & Documentation n:2', registry).args).toEqual({
      theme: 'Tutorial & Documentation',
      n: 2,
    });
  });

  it('names an unknown command and lists the commands with a suggestion', () => {
    const e = error('/trnd llama');
    expect(e.code).toBe('E_UNKNOWN_COMMAND');
    expect(e.userMessage()).toBe('Unknown command /trnd. Commands: /trend, /code, /examples. Did you mean "/trend"?');
  });

  it('names an unknown subcommand and lists the subcommands', () => {
    expect(error('/code lable 1 C1').userMessage()).toBe(
      '/code has no subcommand "lable". Subcommands: label. Did you mean "/code label"?',
    );
    expect(error('/code').userMessage()).toBe('/code needs a subcommand: label.');
  });

  it('names an unknown option and suggests the closest', () => {
    const e = error('/trend llama form:2021-01');
    expect(e.code).toBe('E_UNKNOWN_OPTION');
    expect(e.userMessage()).toBe(
      '/trend has no option "form". Options: model, from, to, top, level. Did you mean "from"?',
    );
  });

  it('says what a bad value should have been', () => {
    expect(error('/trend llama from:2021-13').userMessage()).toBe(
      '/trend: from must be a month as YYYY-MM, e.g. 2021-01; got "2021-13".',
    );
    expect(error('/trend llama top:0').userMessage()).toBe('/trend: top must be a whole number from 1 to 50; got "0".');
    expect(error('/trend llama level:expert').userMessage()).toBe(
      '/trend: level must be one of all, beginner, intermediate; got "expert".',
    );
    expect(error('/trend llama level:begginer').userMessage()).toContain('Did you mean "beginner"?');
  });

  it('reports a missing required option with the usage', () => {
    const e = error('/trend');
    expect(e.code).toBe('E_MISSING_OPTION');
    expect(e.userMessage()).toBe(
      '/trend needs model (a model type such as bert, llama or gpt2). Usage: /trend <model> [from:month] [to:month] [top:integer] [level:all|beginner|intermediate]',
    );
  });

  it('rejects extra words and duplicated options', () => {
    expect(error('/trend llama bert').userMessage()).toMatch(/^\/trend does not take "bert" here\./);
    expect(error('/trend llama from:2021-01 from:2022-01').userMessage()).toBe('/trend: option from is given twice.');
  });

  it('asks for a command on empty input', () => {
    expect(error('  ').userMessage()).toBe('Type a command starting with /. Commands: /trend, /code, /examples.');
  });
});
