import { HfbotError } from '../../errors.js';
import { ingest } from '../../messages/ingest.js';

/** Where a bad value was found, so the message can point at it. */
export interface Location {
  file: string;
  line?: number;
  column?: string;
}

export function ingestError(loc: Location, problem: string): HfbotError {
  return new HfbotError('E_INGEST', ingest.at(loc, problem), { details: { ...loc } });
}
