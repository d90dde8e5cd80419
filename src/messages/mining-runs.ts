/** Strings of a mining run: why it stopped, what it skipped, its plan and its summary line. */
import { fmtCount as fmt } from '../format/numbers.js';
const status = (s: number | null) => (s === null ? 'no response' : `HTTP ${s}`);

export const miningRuns = {
  windowSpent: 'the rate-limit window is spent; waiting for it to reset',
  rateLimitedOut: (url: string, s: number, times: number) =>
    `${url} answered ${status(s)} (rate limited) ${times} times in a row, each after waiting what it asked; stopped.`,
  hubRefused: (url: string, s: number, said: string | null) =>
    `The Hub refused ${url}: ${status(s)}${said ? ` (${said})` : ''}. Nothing was mined; the run failed.`,
  hubTokenHint: 'HF_TOKEN is not accepted: check or unset it (the model list needs no token).',
  hubScopeHint: 'The token may lack the read scope; check HF_TOKEN.',
  forumLoginRequired: 'the forum asks for a login (error_type not_logged_in)',
  notDiscourse: (type: string | null) =>
    `the answer is not Discourse's JSON (${type ?? 'no content type'}; a CDN challenge or a wrong URL?)`,
  forumRefused: (url: string, s: number, why: string) =>
    `The forum refused ${url}: ${status(s)}, ${why}. The run failed.`,
  forumUrlHint: 'Check --base-url / HFBOT_FORUM_URL (a public Discourse forum such as https://discuss.huggingface.co).',
  sameFailure: (n: number, url: string, s: number | null, detail: string) =>
    `${n} failures of the same kind in a row, the last at ${url} (${status(s)}: ${detail}); stopped.`,
};
