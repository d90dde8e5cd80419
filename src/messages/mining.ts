/** Strings of the forum and Hub miners, the derived statistics, /verify and refresh. */
import { fmtCount as fmt, fmtPIs, fmtShare as pct, fmtSigned3 as num } from '../format/numbers.js';
import { miningRuns } from './mining-runs.js';

export const mining = {
  ...miningRuns,
  malformed: (url: string, detail: string) =>
    `Unexpected response from ${url}: ${detail}. Skipped; nothing stored for it.`,
  badRate: (rpm: number) => `The request rate must be a positive number of requests per minute; got ${rpm}.`,
  timedOut: (ms: number) => `no complete response within ${ms} ms`,
  retryAfterTooLong: (url: string, ms: number, source = 'Retry-After') =>
    `${url} asked us to wait ${Math.round(ms / 1000)} s (${source}), longer than we are willing to; stopped.`,
  gaveUp: (url: string, tries: number, last: string) => `Gave up on ${url} after ${tries} tries (last error: ${last}).`,
  tryLater: 'The server may be down or rate-limiting; run the same command later: it resumes where it stopped.',
  badModelTypes: (file: string, bad: string[]) =>
    bad.length
      ? `${file}: not model type names: ${bad.map((b) => JSON.stringify(b)).join(', ')}.`
      : `${file}: no model type names found.`,
  modelTypesHint:
    "Give a list with one lowercase model_type per line, or Transformers' models/auto/configuration_auto.py.",
  badMatchRef: (ref: string) =>
    `match: expected a topic id and a model type such as 639:opt; got ${JSON.stringify(ref)}.`,
  badMatchRefHint: 'Copy it from the /verify list.',
  noMatch: (topic: number, type: string) => `There is no ${type} match in topic ${topic}.`,
  noMatchHint: 'Run /verify to see the matches waiting for a decision.',
  notAmbiguous: (topic: number, type: string) =>
    `${type} in topic ${topic} counts without verification (it is not an ordinary word).`,
  verifyEmpty: (type?: string) =>
    `Nothing waits for verification${type ? ` for ${type}` : ''}. Matches of ordinary-word names (opt, clip, sam...) appear here after a refresh.`,
  verifyList: (shown: number, total: number) =>
    `${total} match${total === 1 ? '' : 'es'} of ordinary-word model names wait for a decision; ${shown < total ? `the first ${shown}` : 'here they are'}. Does the sentence mean the model?`,
  verifyItem: (topic: number, type: string, sentence: string) => `T${topic} ${type}: "${sentence}"`,
  decided: (topic: number, type: string, decision: string, previous: string) =>
    `${type} in topic ${topic}: ${decision}${previous !== 'pending' ? ` (was ${previous})` : ''}. The mined forum counts now ${decision === 'accepted' ? 'include' : 'leave out'} it.`,
  verifyNeedsMatch: (action: string) => `/verify ${action} needs a match such as 639:opt.`,
  verifySource: 'Mined forum topics (mention_matches)',
  refreshHeader: (version: string, was: string | null) =>
    `**Refresh ${version}**${was && was !== version ? ` (was ${was})` : ''}`,
  refreshFailed: (source: string, error: string) => `${source === 'forum' ? 'Forum' : 'Hub'} mining stopped: ${error}`,
  refreshCategories: (parts: string[]) => `Forum categories (share of topics): ${parts.join('; ')}.`,
  share: (name: string, now: number, delta: number | null) =>
    `${name} ${pct(now)}${delta === null ? '' : ` (${delta >= 0 ? '+' : '-'}${(Math.abs(delta) * 100).toFixed(1)} pt)`}`,
  refreshRhoHeader: (from: string, to: string) =>
    `Forum mentions vs Hub uploads per month, Spearman rho ${from}..${to}:`,
  refreshLogScale: (min: number, max: number) =>
    `Counts on a log scale (${fmt(min)} to ${fmt(max)} models a month; /cards source:mined scale:linear for a linear one)`,
  refreshChartTitle: 'hfbot refresh: mined models per month and the share with a model card',
  rhoLine: (type: string, rho: number | null, p: number | null, was: number | null, flip: string | null) =>
    `• ${type}: rho ${num(rho)} (${fmtPIs(p)})${was !== null ? `, was ${num(was)}` : ''}${flip ? `, ${flip}` : ''}`,
  refreshCards: (ratio: number, models: number, was: number | null) =>
    `Model cards: ${pct(ratio)} of ${fmt(models)} models have one${was !== null ? ` (was ${pct(was)})` : ''}.`,
  refreshPending: (added: number, total: number) =>
    `${total} matches of ordinary-word model names (opt, clip, sam...) wait for /verify${added ? ` (${added} new)` : ''}.`,
  progressLine: (source: string, fraction: number | null, etaS: number | null, counts: string) =>
    `${source}: ${counts}${fraction !== null ? `; ${(fraction * 100).toFixed(1)}% done` : ''}${etaS !== null ? `, ETA ${etaS >= 3600 ? `${Math.floor(etaS / 3600)} h ${Math.round((etaS % 3600) / 60)} min` : etaS >= 60 ? `${Math.round(etaS / 60)} min` : `${etaS} s`}` : ''}`,
  badRateOption: (raw: string) =>
    `--rate: expected requests per minute, a number above 0 (at most 6000); got ${JSON.stringify(raw)}.`,
  badSince: (raw: string) => `--since: expected a date as YYYY-MM-DD; got ${JSON.stringify(raw)}.`,
  badMineTarget: (what: string | undefined) =>
    what
      ? `Unknown target "${what}": expected forum, hub, model-types or stats.`
      : 'Say what to mine: forum, hub, model-types or stats.',
  needFrom: 'hfbot mine model-types needs --from FILE.',
  typesUpdated: (added: string[], removed: string[], total: number) =>
    `data/model-types.txt now lists ${total} model types (${added.length} added${added.length ? `: ${added.slice(0, 10).join(', ')}${added.length > 10 ? '...' : ''}` : ''}; ${removed.length} removed${removed.length ? `: ${removed.slice(0, 10).join(', ')}` : ''}). Run hfbot mine stats to recount.`,
  recomputed: (version: string, mentions: number, valid: number, pending: number) =>
    `Mined statistics ${version}: ${mentions} forum mentions, ${valid} models of a valid type${pending ? `; ${pending} new matches wait for /verify` : ''}. Ask with source:mined.`,
  refreshSubtitle: (day: string) => `Mined ${day}`,
  minedSource: 'source: mined',
  forumSource: (url: string) => `HuggingFace Forums (${url})`,
  hubSource: (url: string) => `HuggingFace Hub API (${url}/api/models)`,
  announced: (platform: string, status: string, detail: string) => `announce ${platform}: ${status} (${detail})`,
  badCron: (pattern: string, detail: string) =>
    `Configuration: HFBOT_REFRESH_CRON is not a schedule: ${JSON.stringify(pattern)} (${detail}).`,
  cronHint: 'Use a cron expression such as "0 6 * * *" (06:00 every day) or a nickname such as "@daily".',
};
