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
  authRequired:
    'This web chat needs its access token: enter it on the page, or send it as "Authorization: Bearer <token>".',
  loginWrong: 'That access token is not right. Ask whoever runs hfbot for HFBOT_WEB_TOKEN.',
  loginBadBody: 'Send the access token as JSON: {"token": "..."} with Content-Type: application/json.',
  loginLimited: (seconds: number) => `Too many attempts from this address; try again in ${seconds} s.`,
  tokenRequired: (host: string) =>
    `The web chat will not listen on ${host} without HFBOT_WEB_TOKEN: that address can be reached from other machines, and the chat runs commands as whoever connects.`,
  tokenRequiredHint:
    'Set HFBOT_WEB_TOKEN to a long random secret (e.g. openssl rand -hex 32) and share it with your team, or listen on 127.0.0.1 (the default) behind a reverse proxy.',
  internal: 'Something went wrong on our side; the error was logged. Please try again.',
  started: (url: string) => `Web chat: open ${url} in your browser (Ctrl+C to stop).`,
  startedOn: (address: string, url: string, token: boolean) =>
    `Web chat: listening on ${address}; open ${url} in your browser (Ctrl+C to stop).${token ? ' It asks for HFBOT_WEB_TOKEN.' : ''}`,
  portInUse: (host: string, port: number) => `The web chat could not listen on ${host}:${port}: the port is in use.`,
  portInUseHint: 'Pick another one with --port N (or HFBOT_WEB_PORT), or stop the other program.',
  listenFailed: (host: string, port: number, detail: string) =>
    `The web chat could not listen on ${host}:${port}: ${detail}.`,
};
