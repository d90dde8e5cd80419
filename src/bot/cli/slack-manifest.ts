import { z } from 'zod';
import type { CliCommand } from './io.js';
import { slackManifestSpec } from './specs.js';
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
  ...slackManifestSpec,
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
