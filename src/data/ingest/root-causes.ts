import { readCsv } from './csv.js';
import { ingestError } from './errors.js';
import { msg } from '../../messages/index.js';
import { canonicalForumCategory, resolveCategory } from './labels.js';
import { parseRequired, parseTopicId } from './values.js';

export interface RootCauseCsvRow {
  topicId: number;
  category: string;
  categoryRaw: string;
  subcategoryRaw: string;
  forumCategory: string;
  forumCategoryRaw: string;
  questionCode: string;
  answerCode: string;
  rootCause: string;
  line: number;
}

const HEADER = [
  'accepted_coded',
  'Coder',
  'Code Category',
  'Code Subcategory',
  'Discourse Category',
  'Question Code',
  'Answer Code',
  'Root Cause',
];

/** Root_Causes.csv: the 72 accepted-answer topics. Category labels are mapped to Table I names. */
export function readRootCauses(file: string, challengeCategories: readonly string[]): RootCauseCsvRow[] {
  const table = readCsv(file, HEADER);
  // One topic may hold two accepted questions (T26596, T31171); only an identical row is a duplicate.
  const seen = new Set<string>();
  return table.rows.map((row) => {
    const loc = { file: table.file, line: row.line };
    const topicId = parseTopicId(row.get('accepted_coded'), { ...loc, column: 'accepted_coded' });
    const key = row.cells.map((c) => c.trim()).join('\u0000');
    if (seen.has(key)) throw ingestError({ ...loc, column: 'accepted_coded' }, msg.ingest.duplicateRow(`T${topicId}`));
    seen.add(key);
    const categoryRaw = row.get('Code Category');
    const category = resolveCategory(categoryRaw, challengeCategories);
    if (!category)
      throw ingestError(
        { ...loc, column: 'Code Category' },
        msg.ingest.unknownCategory(categoryRaw, [...challengeCategories]),
      );
    const forumRaw = row.get('Discourse Category');
    const rootCause = parseRequired(row.get('Root Cause'), { ...loc, column: 'Root Cause' }, 'Root Cause');
    return {
      topicId,
      category,
      categoryRaw,
      subcategoryRaw: row.get('Code Subcategory'),
      forumCategory: canonicalForumCategory(forumRaw),
      forumCategoryRaw: forumRaw,
      questionCode: row.get('Question Code').trim(),
      answerCode: row.get('Answer Code').trim(),
      rootCause,
      line: row.line,
    };
  });
}
