import { readCsv } from './csv.js';
import { ingestError } from './errors.js';
import { msg } from '../../messages/index.js';
import { checkPin, PINS } from './expected.js';
import type { PackageFile } from './files.js';
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

const HEADER = ['', 'Topic#', 'Tag', 'Code', '', '', '', '', '', ''];

/**
 * All_Codes.csv. The leading index column restarts and is sometimes blank, so it is ignored;
 * the extra unnamed columns hold free-text descriptions for some rows. A topic's codes are
 * consecutive rows with one forum category (Tag), so a topic that starts again further down
 * is a pasted duplicate, and a second Tag for a topic is damage.
 */
export function readCodes(file: PackageFile): CodeRow[] {
  const table = readCsv(file, HEADER);
  const first = new Map<number, { line: number; tag: string }>();
  let previous: number | undefined;
  const out = table.rows.map((row) => {
    const topicId = parseTopicId(row.get('Topic#'), row.at('Topic#'));
    const tag = parseRequired(row.get('Tag'), row.at('Tag'), 'Tag');
    const code = parseRequired(row.get('Code'), row.at('Code'), 'Code');
    const seen = first.get(topicId);
    if (seen && previous !== topicId) throw ingestError(row.at('Topic#'), msg.ingest.topicSplit(topicId, seen.line));
    if (seen && seen.tag !== tag)
      throw ingestError(row.at('Tag'), msg.ingest.topicTagChanged(topicId, tag, seen.tag, seen.line));
    if (!seen) first.set(topicId, { line: row.line, tag });
    previous = topicId;
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
  checkPin(PINS.codes, out.length, 'codes', { file: table.file, line: table.endLine, column: 'Code' });
  checkPin(PINS.codedTopics, first.size, 'coded topics', { file: table.file, line: table.endLine, column: 'Topic#' });
  return out;
}
