import { z } from 'zod';
import type { CliCommand } from './io.js';
import { HfbotError } from '../../errors.js';
import { msg } from '../../messages/index.js';
import { commands } from '../../commands/index.js';
import { slackManifest } from '../slack/manifest.js';

/** Slack sends requests to https URLs only; Bolt's HTTP receiver listens on /slack/events. */
const RequestUrl = z.string().transform((s, ctx) => {
  const url = URL.canParse(s) ? new URL(s) : null;
  if (url?.protocol !== 'https:') {
    ctx.addIssue({ code: 'custom', message: 'not an https URL' });
    return z.NEVER;
  }
  if (url.pathname === '/') url.pathname = '/slack/events';
  return url.href;
});

/** `hfbot slack-manifest`: the Slack app manifest for this registry, on stdout (JSON is also valid YAML). */
export const slackManifestCli: CliCommand = {
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
  async run(values, _positionals, io) {
    let requestUrl: string | undefined;
    if (values.url !== undefined) {
      const parsed = RequestUrl.safeParse(values.url);
      if (!parsed.success) throw new HfbotError('E_USAGE', msg.cli.manifestBadUrl(String(values.url)));
      requestUrl = parsed.data;
    }
    const manifest = slackManifest(commands, {
      ...(requestUrl ? { requestUrl } : {}),
      ...(typeof values.name === 'string' ? { name: values.name } : {}),
      umbrellaOnly: Boolean(values['umbrella-only']),
    });
    io.out(JSON.stringify(manifest, null, 2));
    io.err(msg.cli.manifestPaste);
    return 0;
  },
};
