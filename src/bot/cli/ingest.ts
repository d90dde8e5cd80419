import path from 'node:path';
import type { CliCommand } from './io.js';
import { loadConfig } from '../../config.js';
import { createLogger } from '../../logger.js';
import { resolveSource } from '../../data/ingest/sources.js';
import { buildDataset } from '../../data/ingest/build.js';
import { msg } from '../../messages/index.js';

export const ingestCli: CliCommand = {
  name: 'ingest',
  summary: 'Build the SQLite dataset from the SANER 2024 replication package',
  usage: [
    'hfbot ingest [--from DIR] [--db FILE]',
    '',
    '  --from DIR   replication package folder (default: $HFBOT_REPLICATION_DIR, else ../shared/saner2024,',
    '               else download from github.com/mina-taraghi/SANER2024ReplicationPackage into data/cache/)',
    '  --db FILE    database to (re)build atomically (default: $HFBOT_DB or data/hfbot.sqlite)',
    '',
    'Coding-round labels and mined data already in the database are kept.',
  ].join('\n'),
  options: { from: { type: 'string' }, db: { type: 'string' } },
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
