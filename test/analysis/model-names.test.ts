import { describe, expect, it } from 'vitest';
import { resolveModel, resolveModelList, tryResolveModel } from '../../src/analysis/model-names.js';
import { HfbotError } from '../../src/errors.js';

const NAMES = [
  'albert',
  'bert',
  'big_bird',
  'blip-2',
  'deberta-v2',
  'gpt2',
  'gpt_neo',
  'llama',
  'openai-gpt',
  'roberta',
  'vit',
  'whisper',
  'xlm-roberta',
  'flava',
  'sam',
];

describe('analysis/model-names', () => {
  it.each([
    ['LLaMa', 'llama'],
    ['llama-2', 'llama'],
    ['Llama 2', 'llama'],
    ['gpt-2', 'gpt2'],
    ['GPT2', 'gpt2'],
    ['xlm roberta', 'xlm-roberta'],
    ['XLM-RoBERTa', 'xlm-roberta'],
    ['xlmr', 'xlm-roberta'],
    ['ViT', 'vit'],
    ['gpt-neo', 'gpt_neo'],
    ['BigBird', 'big_bird'],
    ['blip2', 'blip-2'],
    ['whisper-large-v2', 'whisper'],
  ])('%s -> %s', (input, expected) => {
    expect(tryResolveModel(input, NAMES)).toEqual({ name: expected });
  });

  it('suggests the closest names for an unknown one', () => {
    expect(tryResolveModel('lama', NAMES)).toMatchObject({ name: null });
    const r = tryResolveModel('lama', NAMES) as { suggestions: string[] };
    expect(r.suggestions[0]).toBe('llama');
    const e = (() => {
      try {
        resolveModel('robrta', NAMES, (i, s) => ({
          message: `No model type "${i}".`,
          hint: `Did you mean ${s.join(', ')}?`,
        }));
      } catch (err) {
        return err as HfbotError;
      }
    })();
    expect(e).toBeInstanceOf(HfbotError);
    expect(e!.code).toBe('E_UNKNOWN_MODEL');
    expect(e!.userMessage()).toContain('roberta');
  });
});

describe('analysis/model-names (release numbers)', () => {
  it('does not turn a GPT release number into another GPT model through an alias', async () => {
    const { tryResolveModel } = await import('../../src/analysis/model-names.js');
    const names = ['openai-gpt', 'gpt2', 'gpt_neo', 'gptj', 'llama', 'whisper'];
    expect(tryResolveModel('gpt 3', names).name).toBeNull();
    expect(tryResolveModel('gpt-3', names).name).toBeNull();
    expect(tryResolveModel('gpt-2', names)).toEqual({ name: 'gpt2' });
    expect(tryResolveModel('llama-2', names)).toEqual({ name: 'llama' });
    expect(tryResolveModel('GPT', names)).toEqual({ name: 'openai-gpt' });
  });
});

describe('analysis/model-names (lists)', () => {
  const msg = (i: string, s: string[]) => ({ message: `No model type "${i}".`, hint: `Did you mean ${s.join(', ')}?` });
  const list = (input: string) => resolveModelList(input, NAMES, msg);
  it.each([
    ['bert roberta', ['bert', 'roberta']],
    ['bert, roberta,vit', ['bert', 'roberta', 'vit']],
    ['xlm roberta', ['xlm-roberta']],
    ['xlm roberta bert', ['xlm-roberta', 'bert']],
    ['Llama 2 gpt-2 whisper', ['llama', 'gpt2', 'whisper']],
    ['gpt neo, gpt2', ['gpt_neo', 'gpt2']],
    ['bert BERT Bert', ['bert']],
    [' , bert ,, ', ['bert']],
  ])('splits %j into %j', (input, want) => {
    expect(list(input)).toEqual(want);
  });

  it('names the first word no type fits, with suggestions, wherever it stands', () => {
    const err = (input: string) => {
      try {
        list(input);
      } catch (e) {
        return e as HfbotError;
      }
      throw new Error(`no error for ${input}`);
    };
    const e = err('bert robrta vit');
    expect(e.code).toBe('E_UNKNOWN_MODEL');
    expect(e.message).toBe('No model type "robrta".');
    expect(e.details).toMatchObject({ option: 'model', suggestions: expect.arrayContaining(['roberta']) });
    expect(err('lama').message).toBe('No model type "lama".');
  });
});
