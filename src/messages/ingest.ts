/** Strings of `hfbot ingest`: where a bad value is, and what was expected there. */
export const ingest = {
  at: (loc: { file: string; line?: number; column?: string }, problem: string) =>
    `${loc.file}${loc.line !== undefined ? ` line ${loc.line}` : ''}${loc.column !== undefined ? `, column ${loc.column}` : ''}: ${problem}`,
  missingFile: (file: string) => `file not found (${file}).`,
  emptyFile: 'the file is empty.',
  badCsv: (detail: string) => `not valid CSV (${detail}).`,
  badHeader: (expected: readonly string[], got: string[]) =>
    `unexpected header: expected it to start with ${expected.map((e) => JSON.stringify(e)).join(', ')}; got ${got
      .slice(0, expected.length + 1)
      .map((g) => JSON.stringify(g))
      .join(', ')}.`,
  badCount: (raw: string) => `expected a non-negative whole number (or blank for 0); got ${JSON.stringify(raw)}.`,
  badTopic: (raw: string) => `expected a forum topic id (a number such as 639); got ${JSON.stringify(raw)}.`,
  badMonth: (raw: string) => `expected a month as YYYY-MM or YYYY-MM-01; got ${JSON.stringify(raw)}.`,
  required: (what: string) => `${what} is empty; expected a value.`,
  unknownCategory: (raw: string, known: string[]) =>
    `unknown taxonomy category ${JSON.stringify(raw)}; known: ${known.join(', ')}. Add an alias in src/data/ingest/labels.ts if it is a new spelling.`,
  withCardExceeds: (withCard: number, models: number) => `has_card (${withCard}) is larger than count (${models}).`,
  totalMismatch: (kind: string, sum: number, total: number) =>
    `the ${kind} counts add up to ${sum}, but the total row says ${total}.`,
  missingSheet: (sheet: string, found: string[]) =>
    `no sheet named ${JSON.stringify(sheet)} (sheets: ${found.join(', ')}).`,
  duplicateRow: (key: string) => `duplicate row for ${JSON.stringify(key)}.`,
  sourceMissing: (tried: string[]) => `No replication package found. Tried: ${tried.join('; ')}.`,
  sourceHint: 'Pass --from DIR, set HFBOT_REPLICATION_DIR, or allow the download from the public repository.',
  download: (file: string, url: string, status: string) => `Downloading ${file} from ${url} failed: ${status}.`,
  done: (version: string, file: string, ms: number) => `Built dataset ${version} into ${file} in ${ms} ms.`,
};
