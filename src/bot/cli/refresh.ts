/** `hfbot refresh`: mine both sources, recompute, announce to the team channel(s). */
import type { CliCommand } from './io.js';
import { refresh } from '../../jobs/refresh.js';
import { announce } from '../announce.js';
import { formatReplyText } from '../format-text.js';
import { msg } from '../../messages/index.js';
import { progressReporter } from './progress.js';
import { cliSetup, httpOptions } from './setup.js';

export const refreshCli: CliCommand = {
  name: 'refresh',
  summary: 'Mine the forum and the Hub, recompute the statistics, post a summary to the team channel',
  usage: [
    'hfbot refresh [--forum-url URL] [--hub-url URL] [--skip-forum] [--skip-hub] [--full-hub] [--no-announce] [--rate N] [--db FILE]',
    '',
    '  Mines both sources incrementally (see hfbot mine --help), recomputes the mined series',
    '  (source:mined) and posts what changed, with a chart, to DISCORD_ANNOUNCE_CHANNEL and/or',
    '  SLACK_ANNOUNCE_CHANNEL. Without a configured channel the summary is printed only.',
    '  --no-announce  print the summary, post nothing',
    '',
    'Exit status: 0 done, 1 a source could not be mined (the rest was; the next refresh resumes it).',
  ].join('\n'),
  options: {
    'forum-url': { type: 'string' },
    'hub-url': { type: 'string' },
    'skip-forum': { type: 'boolean' },
    'skip-hub': { type: 'boolean' },
    'full-hub': { type: 'boolean' },
    'no-announce': { type: 'boolean' },
    rate: { type: 'string' },
    db: { type: 'string' },
  },
  async run(values, _pos, io) {
    const { config, logger, services } = cliSetup(values, io);
    const progress = progressReporter(io, logger);
    try {
      const r = await refresh({
        services,
        forumUrl: values['forum-url'] as string | undefined,
        hubUrl: values['hub-url'] as string | undefined,
        skipForum: Boolean(values['skip-forum']),
        skipHub: Boolean(values['skip-hub']),
        fullHub: Boolean(values['full-hub']),
        http: httpOptions(values, logger, config),
        onProgress: progress.sink,
      });
      progress.stop();
      io.out(formatReplyText(r.reply));
      if (!values['no-announce']) {
        const results = await announce(r.reply, services);
        for (const a of results)
          io.err(
            msg.mining.announced(
              a.platform,
              a.status,
              a.status === 'skipped' ? a.reason : a.status === 'failed' ? a.error : a.channel,
            ),
          );
      }
      return r.failures.length ? 1 : 0;
    } finally {
      progress.stop();
      services.db.close();
    }
  },
};
