/**
 * What `hfbot --help` and `hfbot <command> --help` print, and the options each subcommand takes:
 * cheap to load, so help is instant and only the subcommand that runs loads its code.
 */
import type { CliSpec } from './io.js';

export const ingestSpec: CliSpec = {
  name: 'ingest',
  summary: 'Build the SQLite dataset from the SANER 2024 replication package',
  usage: [
    'hfbot ingest [--from DIR] [--db FILE]',
    '',
    '  --from DIR   replication package folder (default: $HFBOT_REPLICATION_DIR, else ../shared/saner2024,',
    '               else download from github.com/mina-taraghi/SANER2024ReplicationPackage into data/cache/)',
    '  --db FILE    database to (re)build atomically (default: $HFBOT_DB or data/hfbot.sqlite)',
    '',
    'The package tables are rebuilt in place, in one transaction, so a running bot keeps answering and',
    'loses no label; coding rounds stay as they are, and mined data (its own file beside the dataset,',
    'hfbot-mined.sqlite, or $HFBOT_MINED_DB) is not touched.',
  ].join('\n'),
  options: { from: { type: 'string' }, db: { type: 'string' } },
};

export const askSpec: CliSpec = {
  name: 'ask',
  summary: 'Ask the bot one command, e.g. hfbot ask "/trend llama"',
  usage: [
    'hfbot ask "<command>" [--user ID] [--json] [--db FILE] [--png FILE]',
    '',
    '  --user ID    who is asking (coding rounds need it; default: $USER or "cli")',
    '  --json       print {"text","data","provenance","chart"} as one JSON object',
    '  --db FILE    dataset (default: $HFBOT_DB or data/hfbot.sqlite)',
    '  --png FILE   also write the chart as a PNG',
    "  --files DIR  save the reply's attachments there (e.g. the CSV of /code export)",
    '',
    'Exit status: 0 answered, 2 bad input (the message says what to fix), 1 internal error.',
  ].join('\n'),
  options: {
    user: { type: 'string' },
    json: { type: 'boolean' },
    db: { type: 'string' },
    png: { type: 'string' },
    files: { type: 'string' },
  },
};

export const serveSpec: CliSpec = {
  name: 'serve',
  summary: 'Run the bot: Discord/Slack when configured, else the local web chat',
  usage: [
    'hfbot serve [--web] [--port N] [--host H] [--db FILE]',
    '',
    '  --web        also start the local web chat (it starts anyway when Discord and Slack are not configured)',
    '  --port N     web chat port (default: $HFBOT_WEB_PORT or 8787; 0 picks a free one)',
    '  --host H     web chat address (default: $HFBOT_WEB_HOST or 127.0.0.1, this machine only);',
    '               any other address (0.0.0.0: every interface) needs HFBOT_WEB_TOKEN',
    '  --db FILE    dataset (default: $HFBOT_DB or data/hfbot.sqlite); built first if it does not exist',
    '',
    'Prints the URL to open. Ctrl+C stops it.',
  ].join('\n'),
  options: { web: { type: 'boolean' }, port: { type: 'string' }, host: { type: 'string' }, db: { type: 'string' } },
};

export const deployCommandsSpec: CliSpec = {
  name: 'deploy-commands',
  summary: 'Register the Discord slash commands (globally, or in one guild for instant updates)',
  usage: [
    'hfbot deploy-commands [--guild ID] [--dry-run]',
    '',
    '  --guild ID   register in this guild only (default: $DISCORD_GUILD_ID; global when unset).',
    '               Guild commands update at once; global ones can take up to an hour to appear.',
    '  --dry-run    print the JSON that would be sent, send nothing',
    '',
    'Needs DISCORD_TOKEN and DISCORD_APPLICATION_ID (environment or .env). Re-run after adding commands.',
  ].join('\n'),
  options: { guild: { type: 'string' }, 'dry-run': { type: 'boolean' } },
};

export const mineSpec: CliSpec = {
  name: 'mine',
  summary: 'Mine the HuggingFace Forums or Hub into the dataset (incremental, resumable)',
  usage: [
    'hfbot mine forum [--base-url URL] [--since DATE] [--full] [--rate N] [--db FILE]',
    'hfbot mine hub [--base-url URL] [--full] [--rate N] [--db FILE]',
    'hfbot mine model-types --from FILE',
    'hfbot mine stats [--db FILE]',
    '',
    "  forum         list /latest.json and read /posts.json down to the last run's checkpoint; read changed topics",
    "  hub           stream /api/models newest first down to the last run's newest model (HF_TOKEN is sent if set)",
    "  model-types   replace data/model-types.txt from a list or Transformers' models/auto/configuration_auto.py",
    '  stats         recompute mentions and the mined series (source:mined) without mining',
    '  --base-url    default $HFBOT_FORUM_URL / $HFBOT_HUB_URL',
    '  --since DATE  forum: only topics active since DATE (YYYY-MM-DD); default: since the last run',
    '  --full        read everything again: finds deleted, hidden, private and renamed items and edits that',
    '                did not bump a topic (a first run is always full; a plan is printed before it)',
    '  --rate N      requests per minute (default $HFBOT_MINE_RATE_PER_MINUTE or 50)',
    '',
    'An interrupted run resumes where it stopped. Mining also recomputes the mined statistics.',
    'Exit status: 0 complete, 3 partial (pages or entries skipped; the next run reads them again),',
    '1 failed (refused, rate limited or unreachable; nothing is recorded as finished), 2 bad usage.',
  ].join('\n'),
  options: {
    'base-url': { type: 'string' },
    since: { type: 'string' },
    full: { type: 'boolean' },
    rate: { type: 'string' },
    db: { type: 'string' },
    from: { type: 'string' },
  },
};

export const refreshSpec: CliSpec = {
  name: 'refresh',
  summary: 'Mine the forum and the Hub, recompute the statistics, post a summary to the team channel',
  usage: [
    'hfbot refresh [--forum-url URL] [--hub-url URL] [--skip-forum] [--skip-hub] [--full-forum] [--full-hub] [--no-announce] [--rate N] [--db FILE]',
    '',
    '  Mines both sources incrementally (see hfbot mine --help), recomputes the mined series',
    '  (source:mined) and posts what changed, with a chart, to DISCORD_ANNOUNCE_CHANNEL and/or',
    '  SLACK_ANNOUNCE_CHANNEL. Without a configured channel the summary is printed only.',
    '  --full-forum, --full-hub  read that source whole again (finds deletions, renames, quiet edits)',
    '  --no-announce  print the summary, post nothing',
    '',
    'Exit status: 0 done, 1 a source could not be mined (the rest was; the next refresh resumes it),',
    '3 a source was mined only in part (pages or entries skipped; the next refresh reads them again).',
  ].join('\n'),
  options: {
    'forum-url': { type: 'string' },
    'hub-url': { type: 'string' },
    'skip-forum': { type: 'boolean' },
    'skip-hub': { type: 'boolean' },
    'full-hub': { type: 'boolean' },
    'full-forum': { type: 'boolean' },
    'no-announce': { type: 'boolean' },
    rate: { type: 'string' },
    db: { type: 'string' },
  },
};

export const benchSpec: CliSpec = {
  name: 'bench',
  summary:
    'Run a benchmark from bench/ (commands, render, reply-latency, ingest, hub-ingest, forum-crawl, cli-start, mentions)',
  usage: [
    'hfbot bench <name> [args...]',
    '',
    '  hfbot bench            list the benchmarks',
    '  hfbot bench render 30  run bench/render.ts with its own arguments',
    '',
    'Benchmarks print figures; they need a development install (npm ci installs tsx).',
  ].join('\n'),
  options: {},
};

export const slackManifestSpec: CliSpec = {
  name: 'slack-manifest',
  summary: 'Print a Slack app manifest (slash commands, scopes, Socket Mode or a request URL) to paste into Slack',
  usage: [
    'hfbot slack-manifest [--url https://HOST/slack/events] [--name NAME] [--umbrella-only]',
    '',
    '  (no --url)       Socket Mode: no public address needed; set SLACK_APP_TOKEN (xapp-, connections:write).',
    '  --url URL        HTTP mode: Slack posts commands and clicks to URL (https; a bare host gets /slack/events).',
    '                   Set SLACK_SIGNING_SECRET and serve SLACK_PORT behind that address.',
    '  --name NAME      the app name shown in Slack (default hfbot; at most 35 characters)',
    '  --umbrella-only  only /hfbot (/hfbot trend llama), not one slash command per command',
    '',
    'Paste the output at https://api.slack.com/apps > Create New App > From an app manifest.',
  ].join('\n'),
  options: { url: { type: 'string' }, name: { type: 'string' }, 'umbrella-only': { type: 'boolean' } },
};
