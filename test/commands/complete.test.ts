import { beforeAll, describe, expect, it } from 'vitest';
import { completeCommands, completeOption, completeValues, rank } from '../../src/commands/complete.js';
import { commands } from '../../src/commands/index.js';
import { opt } from '../../src/commands/options.js';
import { testServices } from '../helpers/dataset.js';

describe('commands/complete', () => {
  let services: Awaited<ReturnType<typeof testServices>>;
  beforeAll(async () => {
    services = await testServices();
  });

  it('one rule: whole-text prefix, then a word prefix, then a substring; case-insensitive; own order kept', () => {
    const items = ['roberta', 'xlm-roberta', 'bert', 'distilbert', 'camembert', 'Bert-Generation'];
    expect(rank(items, 'BERT', (s) => [s])).toEqual([
      'bert',
      'Bert-Generation',
      'roberta',
      'xlm-roberta',
      'distilbert',
      'camembert',
    ]);
    expect(rank(items, 'rob', (s) => [s])).toEqual(['roberta', 'xlm-roberta']);
    expect(rank(items, '', (s) => [s])).toEqual(items);
    expect(rank(items, 'zzz', (s) => [s])).toEqual([]);
  });

  it('command names: "code l" -> /code label first, "lab" finds it by word, with usage and options', () => {
    expect(completeCommands(commands, 'code l')[0]).toMatchObject({ label: '/code label', value: '/code label ' });
    const byWord = completeCommands(commands, 'lab').map((c) => c.label);
    expect(byWord[0]).toBe('/code label');
    const trend = completeCommands(commands, '/tre').find((c) => c.label === '/trend')!;
    expect(trend.usage).toMatch(/^Usage: \/trend <model>/);
    expect(trend.options.find((o) => o.name === 'model')).toMatchObject({ autocomplete: 'model', positional: true });
  });

  it('model types and themes come from the dataset, matched by the same rule as on Discord', () => {
    expect(completeValues(services.db, 'model', 'llam')[0]).toEqual({ label: 'llama', value: 'llama' });
    const themes = completeValues(services.db, 'theme', 'c1');
    expect(themes[0]!.value).toBe('C1');
    const spec = opt.model({ description: 'Model type' });
    expect(completeOption(spec, 'llam', { db: services.db, commands })).toEqual(
      completeValues(services.db, 'model', 'llam'),
    );
    const kind = opt.choice({ description: 'k', choices: ['challenges', 'benefits', 'both'] as const });
    expect(completeOption(kind, 'b', { db: services.db, commands }).map((c) => c.value)).toEqual(['benefits', 'both']);
    expect(completeValues(services.db, 'model', '', 5)).toHaveLength(5);
  });
});
