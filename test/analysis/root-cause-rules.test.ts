import { describe, expect, it } from 'vitest';
import {
  classifyRootCause,
  ROOT_CAUSE_GROUPS,
  ROOT_CAUSE_RULES,
  tableTwo,
  type RootCauseCategory,
} from '../../src/analysis/root-cause-rules.js';

/** Root causes exactly as written in Root_Causes.csv (topic id in the comment), one or more per rule. */
const CASES: [rule: string, text: string][] = [
  ['undetermined', '---'], // T31048
  ['undetermined', 'Not clear'], // T20369
  ['external', 'Lack of feature suport by external platform [Gradio]'], // T19446, quoted in the paper
  ['external', 'Confusing parameter setting in external platform [Amazon S3]'], // T31171, quoted in the paper
  ['hf-bug', 'Bug in Datasets custom dataset library'], // T32251
  ['hf-bug', 'Issue caused by HF library [peft]'], // T36425
  ['hf-docs', 'Lack of documentation for different classes of dataset builders'], // T29423
  ['hf-docs', 'Lack of guidance/samples for creating model cards'], // T40224
  ['hf-docs', 'Tutorials are not updated and maintained in a timely manner by HF'], // T9889
  ['hf-feature', 'No predefined feature in HF for input sequences longer than 512 tokens for exported models by ONNX'], // T18981
  ['hf-feature', 'Lack of feature support by HF [alternative input to pipeline]/Lack of knowledge by user'], // T11414
  [
    'hf-feature',
    'Lack of attention from the user + Lack of support for great variety of instances on Amazon AWS by HF',
  ], // T23776
  ['hf-feature', 'Limitation by HF on upload time'], // T4081
  ['user-theory', 'Lack of theoretical Knowlege by user'], // T4503
  ['user-practice', 'Lack of practical knowledge/experience by user'], // T12142
  ['user-practice', 'Programming mistakes by the user'], // T25554
  ['user-practice', 'Lack of programming knowledge and API knowledge by user'], // T10888
  ['user-other-api', 'Lack of knowledge about Torch API used with HF Datasets library by user'], // T44310
  ['user-other-api', 'Lack of knowledge about TF API by user'], // T14804
  ['user-hf-library', 'Lack of knowledge for API usage for library [Accelerate]'], // T10967
  ['user-hf-library', 'Lack of kowledge by the user about the internal timeout in spaces'], // T24018
  ['user-hf-library', 'Lack of awareness about the existence of the feature in the HF library'], // T30832
  ['user-api', 'Lack of knowledge for specifying the task in the API for deploying the model to the Sagemaker'], // T19194
  ['user-api', 'Lack of knowledge by user for using APIs for handling large datasets'], // T19761
  ['user-unnamed', 'Lack of knowledge by the user about deploying spacy model'], // T20353
  ['other', 'Model owner forgetting to upload a necessary file on the hub'], // T23166
  ['other', 'Backward incompatible Library [Optimum]'], // T19981
];

describe('analysis/root-cause-rules', () => {
  it.each(CASES)('rule %s: %s', (rule, text) => {
    const m = classifyRootCause(text);
    expect(m.rule).toBe(rule);
    expect(m.category).toBe(ROOT_CAUSE_RULES.find((r) => r.id === rule)!.category);
  });

  it('every rule has a real case, a reason, and a Table II category', () => {
    const tested = new Set(CASES.map(([r]) => r));
    const categories = new Set<string>(ROOT_CAUSE_GROUPS.map((g) => g.category));
    for (const r of ROOT_CAUSE_RULES) {
      expect(tested.has(r.id), r.id).toBe(true);
      expect(r.why.length).toBeGreaterThan(10);
      expect(categories.has(r.category)).toBe(true);
    }
    expect(new Set(ROOT_CAUSE_RULES.map((r) => r.id)).size).toBe(ROOT_CAUSE_RULES.length);
  });

  it('ignores case and extra spaces', () => {
    expect(classifyRootCause('  LACK OF   THEORETICAL knowledge ').rule).toBe('user-theory');
  });

  it('the published Table II sums to 72 and its percentages to 100', () => {
    const rows = tableTwo([]);
    expect(rows.reduce((s, r) => s + r.published, 0)).toBe(72);
    expect(rows.reduce((s, r) => s + r.publishedPercent, 0)).toBeCloseTo(100, 6);
    expect(rows.map((r) => r.published)).toEqual([15, 12, 8, 7, 12, 9, 3, 2, 4]);
  });

  it('tableTwo counts, rounds to one decimal and reports differences', () => {
    const cats: RootCauseCategory[] = ['HF bugs', 'HF bugs', 'Other/Unknown'];
    const rows = tableTwo(cats);
    const bugs = rows.find((r) => r.category === 'HF bugs')!;
    expect(bugs).toMatchObject({ recomputed: 2, recomputedPercent: 66.7, published: 3, difference: -1 });
    expect(rows.find((r) => r.category === 'Other/Unknown')!.recomputedPercent).toBe(33.3);
  });
});
