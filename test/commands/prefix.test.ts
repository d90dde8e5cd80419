import { beforeAll, describe, expect, it } from 'vitest';
import { splitUmbrella, withPrefix } from '../../src/commands/prefix.js';
import { createPipeline } from '../../src/commands/pipeline.js';
import { commands } from '../../src/commands/index.js';
import { testServices, testUser } from '../helpers/dataset.js';

const names = ['trend', 'trends', 'code', 'help'];

describe('commands/prefix', () => {
  it('rewrites command names after a word-initial slash only', () => {
    expect(withPrefix('Type /help for the list.', '/hfbot ', names)).toBe('Type /hfbot help for the list.');
    expect(withPrefix('Did you mean "/trend", "/trends"?', '/hfbot ', names)).toBe(
      'Did you mean "/hfbot trend", "/hfbot trends"?',
    );
    expect(withPrefix('Usage: /code label <topic>\n/trend - a model', '/hfbot ', names)).toBe(
      'Usage: /hfbot code label <topic>\n/hfbot trend - a model',
    );
    // URLs, paths and unknown names stay as they are.
    const untouched = 'https://discuss.huggingface.co/t/639 data/trend/x /trendy /unknown a/help';
    expect(withPrefix(untouched, '/hfbot ', names)).toBe(untouched);
    expect(withPrefix('Type /help', '/', names)).toBe('Type /help');
  });

  it('recognises the umbrella command with or without its slash', () => {
    expect(splitUmbrella('/hfbot trend llama')).toEqual({ prefix: '/hfbot ', text: 'trend llama' });
    expect(splitUmbrella('hfbot  /trend llama')).toEqual({ prefix: '/hfbot ', text: '/trend llama' });
    expect(splitUmbrella('/hfbot')).toEqual({ prefix: '/hfbot ', text: '' });
    expect(splitUmbrella('/hfbotx')).toBeNull();
    expect(splitUmbrella('/trend llama')).toBeNull();
  });

  describe('through the pipeline', () => {
    let services: Awaited<ReturnType<typeof testServices>>;
    beforeAll(async () => {
      services = await testServices();
    });
    const caller = { user: testUser('alice') };

    it('answers a bare /hfbot with help, in the /hfbot form', async () => {
      const p = createPipeline({ services, commands });
      const r = await p.run({ text: '/hfbot' }, caller);
      expect(r.error).toBeUndefined();
      expect(r.text).toContain('/hfbot trend - ');
      expect(r.text).toContain('/hfbot code label - ');
      expect(r.text).not.toMatch(/(^|\n)\/trend /);
    });

    it("uses the typed prefix in errors and hints: '/hfbot trnd' suggests /hfbot trend", async () => {
      const p = createPipeline({ services, commands });
      const r = await p.run({ text: '/hfbot trnd llama' }, caller);
      expect(r.error?.code).toBe('E_UNKNOWN_COMMAND');
      expect(r.text).toContain('Unknown command /hfbot trnd');
      expect(r.text).toContain('Did you mean "/hfbot trend"');
      expect(r.error?.message).toBe(r.text);
      // The same mistake typed as /trnd keeps the plain form.
      const plain = await p.run({ text: '/trnd llama' }, caller);
      expect(plain.text).toContain('Did you mean "/trend"');
    });

    it('takes the prefix from the caller (Slack passes it with the command line)', async () => {
      const p = createPipeline({ services, commands });
      const r = await p.run({ text: 'trend' }, { ...caller, prefix: '/hfbot ' });
      expect(r.error?.code).toBe('E_MISSING_OPTION');
      expect(r.text).toContain('/hfbot trend needs model');
      expect(r.text).toContain('Usage: /hfbot trend <model>');
      const ok = await p.run({ text: 'trend llama' }, { ...caller, prefix: '/hfbot ' });
      expect(ok.error).toBeUndefined();
      expect(ok.text).toContain('Spearman rho = 0.900, p = 0.00231');
    });
  });
});
