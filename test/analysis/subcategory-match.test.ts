import { describe, expect, it } from 'vitest';
import { matchSubcategory } from '../../src/analysis/subcategory-match.js';

// Subcategory lists as in Codebook.xlsx; raw labels as in Root_Causes.csv.
const C1 = [
  'Understanding Model Function',
  'Customizing Model',
  'Model Evaluation & Comparison',
  'Model Converting (ONNX Library)',
  'Loading/Saving Models',
  'Model Configuration',
  'Model card',
];
const C2 = ['Training', 'Fine-Tuning', 'Tokenization', 'Pretraining'];
const C3 = ['GPU & Optimization', 'Speed', 'Memory', 'Large Files'];
const C5 = ['Lack of Documentation', 'Official Examples and Tutorials'];
const C7 = [
  'Custom Datasets',
  'Data Preparation',
  'Loading/Saving Datasets',
  'Asking for a Special Dataset for a Certain Task',
  'External Datasets',
  'Other Dataset Issues',
];
const C9 = ['Implementation of HF Source code/Existing Feature', 'Request Feature Model'];

describe('analysis/subcategory-match', () => {
  it.each([
    ['Saving/Loading Models', C1, 'Loading/Saving Models'],
    ['Model Loading/Saving', C1, 'Loading/Saving Models'],
    ['Custom Models', C1, 'Customizing Model'],
    ['Understanding Model Functioning', C1, 'Understanding Model Function'],
    ['Model Converting(ONNX)', C1, 'Model Converting (ONNX Library)'],
    ['Model evaluation and comparison', C1, 'Model Evaluation & Comparison'],
    ['Fine Tuning', C2, 'Fine-Tuning'],
    ['GPU', C3, 'GPU & Optimization'],
    ['Large files', C3, 'Large Files'],
    ['Lack of DOcumentation', C5, 'Lack of Documentation'],
    ['Tutorials', C5, 'Official Examples and Tutorials'],
    ['Official Examples', C5, 'Official Examples and Tutorials'],
    ['Custom Datasets', C7, 'Custom Datasets'],
    ['Implementation of HF/SourceCode', C9, 'Implementation of HF Source code/Existing Feature'],
  ])('%s -> %s', (raw, subs, want) => {
    expect(matchSubcategory(raw, subs)).toBe(want);
  });

  it.each([
    ['Datasets', C7], // fits several equally
    ['Special Training Scenario', C2], // not a codebook subcategory
    ['GPU/Accelerate', C3],
    ['Spaces', []],
  ])('%s matches nothing', (raw, subs) => {
    expect(matchSubcategory(raw, subs)).toBeNull();
  });
});
