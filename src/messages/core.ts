/** User-facing strings of the command core and data layer. */
export const core = {
  noDatabase: (file: string) => `No dataset at ${file}.`,
  noDatabaseHint: 'Build it with `hfbot ingest` (reads ../shared/saner2024 or --from DIR).',
  unknownCommand: (name: string, known: string[]) =>
    `Unknown command /${name}. Commands: ${known.map((k) => `/${k}`).join(', ')}.`,
  emptyCommand: (known: string[]) =>
    `Type a command starting with /. Commands: ${known.map((k) => `/${k}`).join(', ')}.`,
  unknownOption: (cmd: string, name: string, known: string[]) =>
    `/${cmd} has no option "${name}". Options: ${known.length ? known.join(', ') : '(none)'}.`,
  tooManyArguments: (cmd: string, extra: string) => `/${cmd} does not take "${extra}" here.`,
  missingOption: (cmd: string, name: string, expected: string) => `/${cmd} needs ${name} (${expected}).`,
  badValue: (cmd: string, name: string, value: unknown, expected: string) =>
    `/${cmd}: ${name} must be ${expected}; got ${JSON.stringify(value)}.`,
  duplicateOption: (cmd: string, name: string) => `/${cmd}: option ${name} is given twice.`,
  unclosedQuote: 'A quote (") is not closed.',
  didYouMean: (names: string[]) => (names.length ? `Did you mean ${names.map((n) => `"${n}"`).join(', ')}?` : ''),
  internal: 'Something went wrong on our side; the error was logged. Please try again.',
  chartsBusy: (limit: number) =>
    `The chart was not drawn: you already have ${limit} chart${limit === 1 ? '' : 's'} being drawn. The numbers above are complete; ask again for the chart when those are done.`,
  renderQueueFull:
    'The chart was not drawn: the chart renderer is busy with other people’s charts right now. The numbers above are complete; ask again in a minute.',
  timeout: (cmd: string, ms: number) =>
    `/${cmd} took longer than ${ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`} and was stopped. Please try again.`,
  rateLimited: (seconds: number) => `You are sending commands quickly; please wait ${seconds} s and try again.`,
  usage: (_cmd: string, usage: string) => `Usage: ${usage}`,
  noSuchCommand: (name: string) => `No command /${name}.`,
  helpHint: 'Type /help for the list.',
};
