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
};
