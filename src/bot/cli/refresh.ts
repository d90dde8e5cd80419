/** `hfbot refresh`: mine both sources, recompute, announce to the team channel(s). */
import type { CliCommand } from './io.js';
import { refreshSpec } from './specs.js';
import { refresh } from '../../jobs/refresh.js';
import { announce } from '../announce.js';
import { formatReplyText } from '../format-text.js';
import { msg } from '../../messages/index.js';
import { progressReporter } from './progress.js';
import { cliSetup, httpOptions } from './setup.js';

export const refreshCli: CliCommand = {
  ...refreshSpec,
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
        fullForum: Boolean(values['full-forum']),
        http: httpOptions(values, logger, config),
        onProgress: progress.sink,
        onWait: (source, w) => progress.wait(source, w),
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
      return r.failures.length ? 1 : r.forum?.partial || r.hub?.partial ? 3 : 0;
    } finally {
      progress.stop();
      services.db.close();
    }
  },
};
