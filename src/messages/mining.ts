/** Strings of the forum and Hub miners, the derived statistics, /verify and refresh. */
export const mining = {
  malformed: (url: string, detail: string) => `Unexpected response from ${url}: ${detail}. Skipped; nothing stored for it.`,
  badRate: (rpm: number) => `The request rate must be a positive number of requests per minute; got ${rpm}.`,
  timedOut: (ms: number) => `no complete response within ${ms} ms`,
  retryAfterTooLong: (url: string, ms: number) => `${url} asked us to wait ${Math.round(ms / 1000)} s (Retry-After), longer than we are willing to; stopped.`,
  gaveUp: (url: string, tries: number, last: string) => `Gave up on ${url} after ${tries} tries (last error: ${last}).`,
  tryLater: 'The server may be down or rate-limiting; run the same command later: it resumes where it stopped.',
  badModelTypes: (file: string, bad: string[]) =>
    bad.length ? `${file}: not model type names: ${bad.map((b) => JSON.stringify(b)).join(', ')}.` : `${file}: no model type names found.`,
  modelTypesHint: 'Give a list with one lowercase model_type per line, or Transformers\' models/auto/configuration_auto.py.',
  badHubPage: (url: string, detail: string) => `Unexpected response from ${url}: ${detail}.`,
  badMatchRef: (ref: string) => `match: expected a topic id and a model type such as 639:opt; got ${JSON.stringify(ref)}.`,
  badMatchRefHint: 'Copy it from the /verify list.',
  noMatch: (topic: number, type: string) => `There is no ${type} match in topic ${topic}.`,
  noMatchHint: 'Run /verify to see the matches waiting for a decision.',
  notAmbiguous: (topic: number, type: string) => `${type} in topic ${topic} counts without verification (it is not an ordinary word).`,
  verifyEmpty: (type?: string) => `Nothing waits for verification${type ? ` for ${type}` : ''}. Matches of ordinary-word names (opt, clip, sam...) appear here after a refresh.`,
  verifyList: (shown: number, total: number) => `${total} match${total === 1 ? '' : 'es'} of ordinary-word model names wait for a decision; ${shown < total ? `the first ${shown}` : 'here they are'}. Does the sentence mean the model?`,
  verifyItem: (topic: number, type: string, sentence: string) => `T${topic} ${type}: "${sentence}"`,
  decided: (topic: number, type: string, decision: string, previous: string) =>
    `${type} in topic ${topic}: ${decision}${previous !== 'pending' ? ` (was ${previous})` : ''}. The mined forum counts now ${decision === 'accepted' ? 'include' : 'leave out'} it.`,
  verifyNeedsMatch: (action: string) => `/verify ${action} needs a match such as 639:opt.`,
  verifySource: 'Mined forum topics (mention_matches)',
};
