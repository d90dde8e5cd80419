/** User-facing strings of the local web chat (HTTP API errors and start-up lines). */
export const web = {
  notFound: (method: string, path: string) =>
    `No such page or API route: ${method} ${path}. The chat is at / and the API under /api/ (ask, complete, chart, csv, file).`,
  methodNotAllowed: (method: string, path: string, allowed: string) =>
    `${path} does not accept ${method}; use ${allowed}.`,
  badJson: (detail: string) =>
    `The request body is not valid JSON (${detail}). Send {"text": "/help", "user": "your name"}.`,
  badContentType: (got: string) =>
    `Send the request body as JSON with Content-Type: application/json (got ${got || 'none'}).`,
  tooLarge: (limit: number) =>
    `The request body is larger than ${limit} bytes; commands are short, so this is refused.`,
  badField: (field: string, problem: string) => `${field}: ${problem}${problem.endsWith('.') ? '' : '.'}`,
  askExample: 'Send {"text": "/trend llama", "user": "alice"}.',
  badKind: (got: string) => `kind must be command, model or theme; got ${JSON.stringify(got)}.`,
  replyExpired: (id: string) =>
    `The reply ${id} is no longer kept (only recent replies are). Run the command again to get a fresh chart or CSV.`,
  noChart: (id: string) => `The reply ${id} has no chart.`,
  noTable: (id: string) => `The reply ${id} has no table to download.`,
  noFile: (id: string, index: number) => `The reply ${id} has no file number ${index}.`,
  chartFailed: 'The chart could not be drawn this time; the numbers in the reply are complete.',
  badHost: (host: string) =>
    `Host ${JSON.stringify(host)} is not allowed; open the chat at the address printed when hfbot serve started.`,
  internal: 'Something went wrong on our side; the error was logged. Please try again.',
  started: (url: string) => `Web chat: open ${url} in your browser (Ctrl+C to stop).`,
  portInUse: (host: string, port: number) => `The web chat could not listen on ${host}:${port}: the port is in use.`,
  portInUseHint: 'Pick another one with --port N (or HFBOT_WEB_PORT), or stop the other program.',
  listenFailed: (host: string, port: number, detail: string) =>
    `The web chat could not listen on ${host}:${port}: ${detail}.`,
};
