/** What the HTTP client hands back, and the error for a response that arrived whole but is wrong. */
import { HfbotError } from '../../errors.js';
import { mining } from '../../messages/mining.js';

export interface HttpResponse {
  url: string;
  status: number;
  headers: Headers;
  body: string;
}

/** A response that arrived whole but is not what we expected: report it and skip it, never retry. */
export class MalformedResponseError extends HfbotError {
  constructor(
    readonly url: string,
    /** What was wrong, without the URL (the message has both). */
    readonly detail: string,
    readonly status?: number,
  ) {
    super('E_NETWORK', mining.malformed(url, detail), { details: { url, status } });
  }
}

/** The JSON of a 200 response, or a MalformedResponseError naming the URL and what was wrong. */
export function parseJsonBody(res: HttpResponse): unknown {
  if (res.status !== 200) throw new MalformedResponseError(res.url, `HTTP ${res.status}`, res.status);
  try {
    return JSON.parse(res.body) as unknown;
  } catch (err) {
    throw new MalformedResponseError(res.url, `not JSON (${(err as Error).message}; ${res.body.length} bytes)`, 200);
  }
}
