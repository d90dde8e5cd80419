import { readCsv } from './csv.js';
import { canonicalForumCategory } from './labels.js';
import { parseRequired, parseTopicId } from './values.js';

export interface CodeRow {
  topicId: number;
  forumCategory: string;
  forumCategoryRaw: string;
  code: string;
  description: string | null;
  line: number;
}

/**
 * All_Codes.csv. The leading index column restarts and is sometimes blank, so it is ignored;
 * the extra unnamed columns hold free-text descriptions for some rows.
 */
export function readCodes(file: string): CodeRow[] {
  const table = readCsv(file, ['', 'Topic#', 'Tag', 'Code']);
  return table.rows.map((row) => {
    const loc = { file: table.file, line: row.line };
    const topicId = parseTopicId(row.get('Topic#'), { ...loc, column: 'Topic#' });
    const tag = parseRequired(row.get('Tag'), { ...loc, column: 'Tag' }, 'Tag');
    const code = parseRequired(row.get('Code'), { ...loc, column: 'Code' }, 'Code');
    const extra = row.cells
      .slice(4)
      .map((c) => c.trim())
      .filter(Boolean);
    return {
      topicId,
      forumCategory: canonicalForumCategory(tag),
      forumCategoryRaw: tag,
      code,
      description: extra.length ? extra.join(' | ') : null,
      line: row.line,
    };
  });
}
