/** `hfbot mine forum|hub|model-types|stats`: the miners from a terminal or a cron job. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PoliteHttp } from '../../data/miners/http.js';
import { mineForum } from '../../data/miners/forum/mine.js';
import { mineHub } from '../../data/miners/hub/mine.js';
import { parseModelTypeList, readModelTypes, writeModelTypes } from '../../data/miners/hub/model-types.js';
import { HfbotError, isHfbotError } from '../../errors.js';
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
    const source = what === 'hub' ? 'hub' : 'forum';
    const http = (headers?: Record<string, string>) =>
      new PoliteHttp({ ...httpOptions(values, logger, config, (w) => progress.wait(source, w)), headers });
    try {
      const baseUrl = values['base-url'] as string | undefined;
      const common = {
        db: services.db,
        logger,
        now: services.now,
        onProgress: progress.sink,
        full: Boolean(values.full),
      };
      let partial = false;
      try {
        if (what === 'forum') {
          const base = baseUrl ?? config.HFBOT_FORUM_URL;
          const r = await mineForum({
            ...common,
            http: http(),
            baseUrl: base,
            since: since?.data ? new Date(since.data).toISOString() : undefined,
            onPlan: (plan) => io.out(msg.mining.forumPlan(base, plan)),
          });
          progress.stop();
          io.out(msg.mining.forumDone(r));
          partial = r.partial;
        } else if (what === 'hub') {
          const r = await mineHub({
            ...common,
            http: http(config.HF_TOKEN ? { authorization: `Bearer ${config.HF_TOKEN}` } : undefined),
            baseUrl: baseUrl ?? config.HFBOT_HUB_URL,
            onPlan: (plan) => io.out(msg.mining.hubPlan(plan.requestsPerMinute, plan.pageSize)),
          });
          progress.stop();
          io.out(msg.mining.hubDone(r));
          partial = r.partial;
        }
      } catch (err) {
        if (!isHfbotError(err)) throw err;
        // A refused, rate-limited or unreachable source is a failed run, whatever the error's code.
        progress.stop();
        io.err(msg.mining.runFailed(source, err.userMessage()));
        return 1;
      }
      const { mentions, derived } = recompute(services);
      io.out(msg.mining.recomputed(derived.version, derived.mentions, derived.validModels, mentions.pending));
      return partial ? 3 : 0;
    } finally {
      progress.stop();
      services.db.close();
    }
  },
};
