import path from 'node:path';
import type { CliCommand } from './io.js';
import { ingestSpec } from './specs.js';
import { loadConfig } from '../../config.js';
import { createLogger } from '../../logger.js';
import { resolveSource } from '../../data/ingest/sources.js';
import { buildDataset } from '../../data/ingest/build.js';
import { msg } from '../../messages/index.js';

export const ingestCli: CliCommand = {
  ...ingestSpec,
  async run(values, _pos, io) {
    const config = loadConfig(io.env, io.cwd);
    const logger = createLogger({ level: config.HFBOT_LOG_LEVEL, format: config.HFBOT_LOG_FORMAT, write: io.err });
    const source = await resolveSource({
      from: values.from as string | undefined,
      env: config.HFBOT_REPLICATION_DIR,
      downloadUrl: config.HFBOT_REPLICATION_URL,
      logger,
    });
    const dbFile = path.resolve(io.cwd, (values.db as string | undefined) ?? config.HFBOT_DB);
    const result = await buildDataset({ sourceDir: source.dir, sourceKind: source.kind, dbFile, logger });
    io.out(msg.ingest.done(result.version, result.file, result.ms));
    return 0;
  },
};
