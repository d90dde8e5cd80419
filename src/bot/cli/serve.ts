import { existsSync } from 'node:fs';
import path from 'node:path';
import type { CliCommand } from './io.js';
import { serveSpec } from './specs.js';
import { loadConfig } from '../../config.js';
import { createLogger } from '../../logger.js';
import { createServices } from '../../services.js';
import { resolveSource } from '../../data/ingest/sources.js';
import { buildDataset } from '../../data/ingest/build.js';
import { HfbotError } from '../../errors.js';
import { msg } from '../../messages/index.js';
import { serve } from '../serve.js';
import type { RunningWeb } from '../web/server.js';
import { isLoopback } from '../web/host-check.js';

function portOf(v: unknown): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!/^\d+$/.test(String(v)) || n > 65535) throw new HfbotError('E_USAGE', msg.cli.badPort(v));
  return n;
}

export const serveCli: CliCommand = {
  ...serveSpec,
  async run(values, _pos, io) {
    const port = portOf(values.port);
    const config = loadConfig(io.env, io.cwd);
    const logger = createLogger({ level: config.HFBOT_LOG_LEVEL, format: config.HFBOT_LOG_FORMAT, write: io.err });
    const dbFile = path.resolve(io.cwd, (values.db as string | undefined) ?? config.HFBOT_DB);
    if (!existsSync(dbFile)) {
      // A fresh clone needs one command: build the dataset the way `hfbot ingest` would.
      logger.info('no dataset yet; building it first', { db: dbFile });
      const source = await resolveSource({
        env: config.HFBOT_REPLICATION_DIR,
        downloadUrl: config.HFBOT_REPLICATION_URL,
        logger,
      });
      const result = await buildDataset({ sourceDir: source.dir, sourceKind: source.kind, dbFile, logger });
      io.out(msg.ingest.done(result.version, result.file, result.ms));
    }
    const services = createServices(config, logger, { dbFile });
    try {
      const serving = await serve(services, {
        ...(values.web ? { web: true } : {}),
        ...(port !== undefined ? { port } : {}),
        ...(values.host ? { host: values.host as string } : {}),
      });
      const web = serving.platforms.find((p) => p.name === 'web') as RunningWeb | undefined;
      // The address actually bound: a loopback one is opened as is; anything else says where it listens.
      if (web?.url)
        io.out(
          web.tokenRequired || !isLoopback(web.listening.replace(/:\d+$/, ''))
            ? msg.web.startedOn(web.listening, web.url, web.tokenRequired)
            : msg.web.started(web.url),
        );
      await serving.closed;
      return 0;
    } finally {
      services.db.close();
    }
  },
};
