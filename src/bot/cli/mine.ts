/** `hfbot mine forum|hub|model-types|stats`: the miners from a terminal or a cron job. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PoliteHttp } from '../../data/miners/http.js';
import { mineForum } from '../../data/miners/forum/mine.js';
import { mineHub } from '../../data/miners/hub/mine.js';
import { parseModelTypeList, readModelTypes, writeModelTypes } from '../../data/miners/hub/model-types.js';
import { HfbotError } from '../../errors.js';
import { recompute } from '../../jobs/recompute.js';
import { msg } from '../../messages/index.js';
import type { CliCommand } from './io.js';
import { mineSpec } from './specs.js';
import { progressReporter } from './progress.js';
import { cliSetup, httpOptions } from './setup.js';

const Since = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}/)
  .refine((s) => !Number.isNaN(Date.parse(s)));

export const mineCli: CliCommand = {
  ...mineSpec,
  async run(values, positionals, io) {
    const what = positionals[0];
    if (what === 'model-types') {
      const from = values.from as string | undefined;
      if (!from) throw new HfbotError('E_MISSING_OPTION', msg.mining.needFrom, { hint: this.usage.split('\n')[2] });
      const file = path.resolve(io.cwd, from);
      const diff = writeModelTypes(parseModelTypeList(readFileSync(file, 'utf8'), file));
      io.out(msg.mining.typesUpdated(diff.added, diff.removed, readModelTypes().length));
      return 0;
    }
    if (what !== 'forum' && what !== 'hub' && what !== 'stats') {
      io.err(`${msg.mining.badMineTarget(what)}\n\n${this.usage}`);
      return 2;
    }
    const since = values.since === undefined ? undefined : Since.safeParse(values.since);
    if (since && !since.success) throw new HfbotError('E_BAD_VALUE', msg.mining.badSince(String(values.since)));
    const { config, logger, services } = cliSetup(values, io);
    const progress = progressReporter(io, logger);
    try {
      const baseUrl = values['base-url'] as string | undefined;
      const common = { db: services.db, logger, now: services.now, onProgress: progress.sink };
      if (what === 'forum') {
        const r = await mineForum({
          ...common,
          http: new PoliteHttp(httpOptions(values, logger, config)),
          baseUrl: baseUrl ?? config.HFBOT_FORUM_URL,
          since: since?.data ? new Date(since.data).toISOString() : undefined,
        });
        progress.stop();
        io.out(msg.mining.forumDone(r));
      } else if (what === 'hub') {
        const headers = config.HF_TOKEN ? { authorization: `Bearer ${config.HF_TOKEN}` } : undefined;
        const r = await mineHub({
          ...common,
          http: new PoliteHttp({ ...httpOptions(values, logger, config), headers }),
          baseUrl: baseUrl ?? config.HFBOT_HUB_URL,
          full: Boolean(values.full),
        });
        progress.stop();
        io.out(msg.mining.hubDone(r));
      }
      const { mentions, derived } = recompute(services);
      io.out(msg.mining.recomputed(derived.version, derived.mentions, derived.validModels, mentions.pending));
      return 0;
    } finally {
      progress.stop();
      services.db.close();
    }
  },
};
