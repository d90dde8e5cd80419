/** Strings of a mining run: why it stopped, what it skipped, its plan and its summary line. */
import { fmtMinutes } from '../format/duration.js';
import { fmtCount as fmt } from '../format/numbers.js';
const status = (s: number | null) => (s === null ? 'no response' : `HTTP ${s}`);
const plural = (n: number, one: string, many = `${one}s`) => `${fmt(n)} ${n === 1 ? one : many}`;

interface Partial {
  skipped: { url: string; error: string }[];
  badEntries: number;
  warnings: number;
  warningSamples: string[];
  partial: boolean;
}

/** What a partial run missed, plainly; empty for a complete run. */
function partialLines(r: Partial, unit: string): string[] {
  if (!r.partial) return [];
  const parts = [
    r.skipped.length ? `${plural(r.skipped.length, unit)} skipped` : '',
    r.badEntries ? `${plural(r.badEntries, 'entry', 'entries')} left out (unusable)` : '',
  ].filter(Boolean);
  return [
    `PARTIAL run, not complete: ${parts.join(', ') || 'stopped before the end'}; the next run reads them again.`,
    ...r.skipped.map((s) => `  skipped ${s.url}: ${s.error}`),
  ];
}

function warningLine(r: Partial, what: string): string[] {
  return r.warnings
    ? [`${plural(r.warnings, what)} had a malformed optional field, stored empty (e.g. ${r.warningSamples[0]}).`]
    : [];
}

export const miningRuns = {
  windowSpent: 'the rate-limit window is spent; waiting for it to reset',
  rateLimitedOut: (url: string, s: number, times: number) =>
    `${url} answered ${status(s)} (rate limited) ${times} times in a row, each after waiting what it asked; stopped.`,
  hubRefused: (url: string, s: number, said: string | null) =>
    `The Hub refused ${url}: ${status(s)}${said ? ` (${said})` : ''}. Nothing was mined; the run failed.`,
  hubTokenHint: 'HF_TOKEN is not accepted: check or unset it (the model list needs no token).',
  hubScopeHint: 'The token may lack the read scope; check HF_TOKEN.',
  hubNotFound: (url: string, s: number) =>
    `The Hub has no model list at ${url}: ${status(s)}. The run failed; what earlier pages gave is kept.`,
  hubUrlHint: 'Check --base-url / --hub-url / HFBOT_HUB_URL (the Hub itself is https://huggingface.co).',
  forumLoginRequired: 'the forum asks for a login (error_type not_logged_in)',
  notDiscourse: (type: string | null) =>
    `the answer is not Discourse's JSON (${type ?? 'no content type'}; a CDN challenge or a wrong URL?)`,
  forumRefused: (url: string, s: number, why: string) =>
    `The forum refused ${url}: ${status(s)}, ${why.replace(/\.$/, '')}. The run failed.`,
  forumUrlHint: 'Check --base-url / HFBOT_FORUM_URL (a public Discourse forum such as https://discuss.huggingface.co).',
  sameFailure: (n: number, url: string, s: number | null, detail: string) =>
    `${n} failures of the same kind in a row, the last at ${url} (${detail === status(s) ? detail : `${status(s)}: ${detail}`}); stopped.`,
  forumPlan: (
    base: string,
    p: {
      topics: number | null;
      posts: number | null;
      listingPages: number | null;
      postPages: number | null;
      requests: number | null;
      perTopicRequests: number | null;
      requestsPerMinute: number;
    },
  ) =>
    p.requests === null || p.topics === null || p.posts === null
      ? `Plan for a full crawl of ${base}: the forum does not say how big it is (/about.json); it costs about 1 request per 30 topics and 1 per 50 posts, at ${fmt(p.requestsPerMinute)} requests a minute.`
      : `Plan for a full crawl of ${base}: the forum reports ${fmt(p.topics)} topics and ${fmt(p.posts)} posts: about ${fmt(p.requests)} requests (${plural(p.listingPages ?? 0, 'listing page')} of 30 topics, ${plural(p.postPages ?? 0, '/posts.json page')} of 50 posts), ${fmtMinutes(p.requests / p.requestsPerMinute)} at ${fmt(p.requestsPerMinute)} requests a minute.${p.perTopicRequests === null ? '' : ` A forum without /posts.json takes about ${fmt(p.perTopicRequests)} (${fmtMinutes(p.perTopicRequests / p.requestsPerMinute)}).`}`,
  hubPlan: (rpm: number, pageSize: number) =>
    `Plan for a full Hub run: /api/models in pages of ${fmt(pageSize)} models, one request each: about ${fmt(rpm * pageSize)} models a minute at ${fmt(rpm)} requests a minute (the Hub does not say how many it lists).`,
  waitLine: (source: string, ms: number, url: string, detail: string) =>
    `${source}: waiting ${fmtMinutes(ms / 60_000)} before asking again (${detail}) — ${url}`,
  runFailed: (source: 'forum' | 'hub', message: string) =>
    `${source === 'forum' ? 'Forum' : 'Hub'} mining FAILED, the run is not complete: ${message}`,
  forumDone: (
    r: Partial & {
      mode: 'full' | 'incremental';
      resumed: boolean;
      pages: number;
      postPages: number;
      newTopics: number;
      changedTopics: number;
      fetchedTopics: number;
      newPosts: number;
      updatedPosts: number;
      goneTopics: number;
      gonePosts: number;
      requests: number;
    },
  ) =>
    [
      `Forum${r.mode === 'full' ? ' (full run)' : ''}${r.resumed ? ' (resumed an interrupted run)' : ''}: ${fmt(r.newTopics)} new and ${fmt(r.changedTopics)} changed topics, ${fmt(r.newPosts)} new and ${fmt(r.updatedPosts)} edited posts, ${fmt(r.goneTopics)} topics and ${fmt(r.gonePosts)} posts gone; ${plural(r.requests, 'request')} (${plural(r.pages, 'listing page')}, ${plural(r.postPages, '/posts.json page')}, ${plural(r.fetchedTopics, 'topic')} read whole).${r.partial ? '' : ' Complete.'}`,
      ...partialLines(r, 'page or topic'),
      ...warningLine(r, 'entry'),
    ].join('\n'),
  hubDone: (
    r: Partial & {
      full: boolean;
      resumed: boolean;
      pages: number;
      models: number;
      newModels: number;
      goneModels: number;
      renamed: number;
      requests: number;
    },
  ) =>
    [
      `Hub${r.full ? ' (full run)' : ''}${r.resumed ? ' (resumed an interrupted run)' : ''}: ${plural(r.models, 'model')} read (${fmt(r.newModels)} new${r.renamed ? `, ${fmt(r.renamed)} renamed` : ''}${r.full ? `, ${fmt(r.goneModels)} gone` : ''}) from ${plural(r.pages, 'page')}; ${plural(r.requests, 'request')}.${r.partial ? '' : ' Complete.'}`,
      ...partialLines({ ...r, skipped: r.skipped }, 'page of up to 1,000 models'),
      ...warningLine(r, 'entry'),
    ].join('\n'),
  refreshSource: (
    name: 'Forum' | 'Hub',
    s: {
      status: 'not mined' | 'failed' | 'partial' | 'complete';
      added: number;
      changed: number | null;
      gone: number;
      total: number;
      unit: string;
      skipped: number;
      bad: number;
    },
  ) =>
    s.status === 'not mined'
      ? `${name}: not mined (${fmt(s.total)} in all).`
      : s.status === 'failed'
        ? `${name}: FAILED, see below (${fmt(s.total)} in all).`
        : `${name}: +${fmt(s.added)} new ${s.unit}${s.changed === null ? '' : `, ${fmt(s.changed)} changed`}${s.gone ? `, ${fmt(s.gone)} gone` : ''} (${fmt(s.total)} in all)${
            s.status === 'partial'
              ? ` — PARTIAL, not complete: ${[s.skipped ? `${plural(s.skipped, name === 'Hub' ? 'page' : 'page or topic', name === 'Hub' ? 'pages' : 'pages or topics')} skipped` : '', s.bad ? `${plural(s.bad, 'entry', 'entries')} left out` : ''].filter(Boolean).join(', ') || 'stopped early'}; the next refresh reads them again`
              : ''
          }.`,
};
