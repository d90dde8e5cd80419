import { describe, expect, it } from 'vitest';
import { buildMentionMatcher, sentenceAround, spellings } from '../../../src/analysis/mentions.js';
import { readModelTypes } from '../../../src/data/miners/hub/model-types.js';

describe('analysis/mentions', () => {
  const m = buildMentionMatcher(readModelTypes());
  const types = (text: string) =>
    m
      .find([text])
      .map((h) => h.type)
      .sort();

  it('matches the usual spellings case-insensitively', () => {
    expect(types('I fine-tuned LLaMA-2 and Llama2 and llama')).toEqual(['llama']);
    expect(types('GPT-2 vs gpt2 vs GPT2LMHeadModel')).toEqual(['gpt2']);
    expect(types('wav2vec 2.0 and Wav2Vec2ForCTC')).toEqual(['wav2vec2']);
    expect(types('GPT-J and GPT-NeoX-20B')).toEqual(['gpt_neox', 'gptj']);
    expect(types('bert-base-uncased from google-bert')).toEqual(['bert']);
  });

  it('takes whole words only, and the longest name at a position', () => {
    expect(types('distilbert-base-uncased')).toEqual(['distilbert']);
    expect(types('xlm-roberta-large')).toEqual(['xlm-roberta']);
    expect(types('microsoft/deberta-v2-xlarge')).toEqual(['deberta-v2']);
    expect(types('Roberta is not robertas, and albertina is nothing')).toEqual(['roberta']);
    expect(types('t5-small, mT5 and LongT5')).toEqual(['longt5', 'mt5', 't5']);
  });

  it('flags ordinary-word names for verification and keeps their sentence', () => {
    const hits = buildMentionMatcher(readModelTypes()).find([
      'Title about loss',
      'First line.\nI will opt for a bigger batch. Then BERT works!',
    ]);
    expect(hits.map((h) => [h.type, h.ambiguous, h.sentence])).toEqual([
      ['opt', true, 'I will opt for a bigger batch.'],
      ['bert', false, 'Then BERT works!'],
    ]);
  });

  it('gives the generic spellings', () => {
    expect(spellings('gpt2')).toEqual(['gpt[-_]?2']);
    expect(spellings('t5')).toEqual(['t5']);
    expect(spellings('xlm-roberta')[0]).toBe('xlm[-_]?roberta');
    expect(sentenceAround('a. b c d. e', 5, 1)).toBe('b c d.');
  });
});
