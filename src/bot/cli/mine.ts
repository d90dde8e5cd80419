/** `hfbot mine forum|hub|model-types|stats`: the miners from a terminal or a cron job. */
import path from 'node:path';
import { SingleBar } from 'cli-progress';
import { z } from 'zod';
import { processIo, type CliCommand, type CliIo } from './io.js';
import { loadConfig, type AppConfig } from '../../config.js';
import { createLogger, type Logger } from '../../logger.js';
import { createServices } from '../../services.js';
import type { Services } from '../../services.js';
import { HfbotError } from '../../errors.js';
import { msg } from '../../messages/index.js';
import { PoliteHttp, type HttpOptions } from '../../data/miners/http.js';
import { mineForum } from '../../data/miners/forum/mine.js';
import { mineHub } from '../../data/miners/hub/mine.js';
import { parseModelTypeList, readModelTypes, writeModelTypes } from '../../data/miners/hub/model-types.js';
import { buildMentionMatcher } from '../../analysis/mentions.js';
import { deriveMentions } from '../../data/derive-mentions.js';
import { deriveSeries } from '../../data/derive.js';
import type { MineProgress, ProgressSink } from '../../data/miners/progress.js';
import { readFileSync } from 'node:fs';

/** A bar on a terminal; elsewhere (logs, cron) a line every `everyMs` with counts and an ETA. */
export function progressReporter(io: CliIo, logger: Logger, everyMs = 10_000): { sink: ProgressSink; stop(): void } {
  const started = Date.now();
  const eta = (f: number | null) => (f && f > 0 ? Math.round(((Date.now() - started) / 1000) * ((1 - f) / f)) : null);
  const counts = (p: MineProgress) =>
    Object.entries(p.counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
  if (io === processIo && process.stderr.isTTY) {
    const bar = new SingleBar({
      format: '{source} [{bar}] {percentage}% | ETA {eta_formatted} | {counts}',
      stream: process.stderr,
      etaBuffer: 50,
      hideCursor: true,
    });
    let source = '';
    return {
      sink: (p) => {
        if (p.source !== source) {
          if (source) bar.stop();
          source = p.source;
          bar.start(1000, 0, { source, counts: '' });
        }
        bar.update(p.fraction === null ? bar.getProgress() * 1000 : Math.round(p.fraction * 1000), {
          source,
          counts: counts(p),
        });
      },
      stop: () => void (source && bar.stop()),
    };
  }
  let last = 0;
  return {
    sink: (p) => {
      if (Date.now() - last < everyMs && p.fraction !== 1) return;
      last = Date.now();
      logger.info(msg.mining.progressLine(p.source, p.fraction, eta(p.fraction), counts(p)));
    },
    stop: () => undefined,
  };
}

const Rate = z.coerce.number().positive().max(6000);
const Since = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}/)
  .refine((s) => !Number.isNaN(Date.parse(s)));

export function httpOptions(values: Record<string, unknown>, logger: Logger, config: AppConfig): HttpOptions {
  const rate = values.rate === undefined ? undefined : Rate.safeParse(values.rate);
  if (rate && !rate.success) throw new HfbotError('E_BAD_VALUE', msg.mining.badRateOption(String(values.rate)));
  return { logger, requestsPerMinute: rate?.data ?? config.HFBOT_MINE_RATE_PER_MINUTE };
}

export function cliSetup(
  values: Record<string, unknown>,
  io: CliIo,
): { config: AppConfig; logger: Logger; services: Services } {
  const config = loadConfig(io.env, io.cwd);
  const logger = createLogger({ level: config.HFBOT_LOG_LEVEL, format: config.HFBOT_LOG_FORMAT, write: io.err });
  const dbFile = path.resolve(io.cwd, (values.db as string | undefined) ?? config.HFBOT_DB);
  return { config, logger, services: createServices(config, logger, { dbFile }) };
}

/** Recomputes the mined statistics so /trend, /popular and /cards answer on the new data. */
export function recompute(services: Services): string {
  const types = readModelTypes();
  const scan = deriveMentions(services.db, buildMentionMatcher(types), { now: services.now });
  const d = deriveSeries(services.db, types, services.now);
  return msg.mining.recomputed(d.version, d.mentions, d.validModels, scan.pending);
}

export const mineCli: CliCommand = {
  name: 'mine',
  summary: 'Mine the HuggingFace Forums or Hub into the dataset (incremental, resumable)',
  usage: [
    'hfbot mine forum [--base-url URL] [--since DATE] [--rate N] [--db FILE]',
    'hfbot mine hub [--base-url URL] [--full] [--rate N] [--db FILE]',
    'hfbot mine model-types --from FILE',
    'hfbot mine stats [--db FILE]',
    '',
    "  forum         page /latest.json down to the last run's checkpoint; fetch new and changed topics",
    "  hub           stream /api/models newest first down to the last run's newest model (HF_TOKEN is sent if set)",
    "  model-types   replace data/model-types.txt from a list or Transformers' models/auto/configuration_auto.py",
    '  stats         recompute mentions and the mined series (source:mined) without mining',
    '  --base-url    default $HFBOT_FORUM_URL / $HFBOT_HUB_URL',
    '  --since DATE  forum: only topics active since DATE (YYYY-MM-DD); default: since the last run',
    '  --full        hub: read every model again, not just the new ones',
    '  --rate N      requests per minute (default $HFBOT_MINE_RATE_PER_MINUTE or 50)',
    '',
    'An interrupted run resumes where it stopped. Mining also recomputes the mined statistics.',
  ].join('\n'),
  options: {
    'base-url': { type: 'string' },
    since: { type: 'string' },
    full: { type: 'boolean' },
    rate: { type: 'string' },
    db: { type: 'string' },
    from: { type: 'string' },
  },
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
      io.out(recompute(services));
      return 0;
    } finally {
      progress.stop();
      services.db.close();
    }
  },
};
