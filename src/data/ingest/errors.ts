import { HfbotError } from '../../errors.js';
import { ingest } from '../../messages/ingest.js';

/** Where a bad value was found, so the message can point at it. */
export interface Location {
  file: string;
  line?: number;
  /** The header's name for the column, or `#n` (1-based) where the header leaves it blank. */
  column?: string;
}

/**
 * A refusal: where, what was expected (the problem text says it and suggests a fix), and the
 * standing hint that the database was not touched and how to get a good file back.
 */
export function ingestError(loc: Location, problem: string): HfbotError {
  return new HfbotError('E_INGEST', ingest.at(loc, problem), { hint: ingest.hint, details: { ...loc } });
}
