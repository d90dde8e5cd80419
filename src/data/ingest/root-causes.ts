import { readCsv } from './csv.js';
import { ingestError } from './errors.js';
import { msg } from '../../messages/index.js';
import { checkPin, PINS } from './expected.js';
import type { PackageFile } from './files.js';
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

/**
 * Root_Causes.csv: the 72 root causes of Table II, on 70 accepted-answer topics. Category labels
 * are mapped to Table I names.
 */
export function readRootCauses(file: PackageFile, challengeCategories: readonly string[]): RootCauseCsvRow[] {
  const table = readCsv(file, HEADER);
  // One topic may hold two accepted questions (T26596, T31171); only an identical row is a duplicate.
  const seen = new Map<string, number>();
  const out = table.rows.map((row) => {
    const topicId = parseTopicId(row.get('accepted_coded'), row.at('accepted_coded'));
    const key = row.cells.map((c) => c.trim()).join('\u0000');
    const first = seen.get(key);
    if (first !== undefined) throw ingestError(row.at('accepted_coded'), msg.ingest.duplicateRow(`T${topicId}`, first));
    seen.set(key, row.line);
    const categoryRaw = row.get('Code Category');
    const category = resolveCategory(categoryRaw, challengeCategories);
    if (!category)
      throw ingestError(row.at('Code Category'), msg.ingest.unknownCategory(categoryRaw, [...challengeCategories]));
    const forumRaw = parseRequired(row.get('Discourse Category'), row.at('Discourse Category'), 'Discourse Category');
    const rootCause = parseRequired(row.get('Root Cause'), row.at('Root Cause'), 'Root Cause');
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
  const end = { file: table.file, line: table.endLine, column: 'accepted_coded' };
  checkPin(PINS.rootCauses, out.length, 'root causes', end);
  checkPin(PINS.rootCauseTopics, new Set(out.map((r) => r.topicId)).size, 'topics with a root cause', end);
  return out;
}
