/**
 * Checks across files: what one file says about another. The forum and Hub series share their
 * model types (145 in the package; maskformer-swin and qdqbert are only on the forum), and
 * every root-cause topic is one of the coded topics of All_Codes.csv.
 */
import { ingestError } from './errors.js';
import { msg } from '../../messages/index.js';
import { PINS } from './expected.js';
import type { CodeRow } from './codes.js';
import type { RootCauseCsvRow } from './root-causes.js';
import type { Series } from './series.js';

export function checkSharedTypes(forum: Series, hub: Series, hubFile: string): void {
  const shared = forum.modelTypes.filter((t) => hub.lines.has(t));
  if (shared.length >= PINS.sharedTypes.value) return;
  const forumOnly = forum.modelTypes.filter((t) => !hub.lines.has(t));
  const hubOnly = hub.modelTypes.filter((t) => !forum.lines.has(t));
  // Point at the first Hub row the forum does not know: a renamed row is the likely damage.
  const line = hubOnly.length ? hub.lines.get(hubOnly[0]!)! : 1;
  throw ingestError(
    { file: hubFile, line, column: '#1' },
    msg.ingest.sharedTypes(shared.length, PINS.sharedTypes.value, PINS.sharedTypes.why, forumOnly, hubOnly),
  );
}

export function checkRootCauseTopics(
  codes: readonly CodeRow[],
  rootCauses: readonly RootCauseCsvRow[],
  file: string,
): void {
  const coded = new Set(codes.map((c) => c.topicId));
  const stray = rootCauses.find((r) => !coded.has(r.topicId));
  if (stray)
    throw ingestError({ file, line: stray.line, column: 'accepted_coded' }, msg.ingest.notCodedTopic(stray.topicId));
}
