import path from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { CliCommand, CliIo } from './io.js';
import { askSpec } from './specs.js';
import { msg } from '../../messages/index.js';
import type { Reply } from '../../reply.js';
import { loadConfig } from '../../config.js';
import { createLogger } from '../../logger.js';
import { createServices } from '../../services.js';
import { runCommandText } from '../../commands/run.js';
import { commandFor } from '../../commands/manifest.js';
import { formatReplyText } from '../format-text.js';

export const askCli: CliCommand = {
  ...askSpec,
  async run(values, positionals, io) {
    const text = positionals.join(' ');
    const config = loadConfig(io.env, io.cwd);
    const logger = createLogger({
      level: config.HFBOT_LOG_LEVEL === 'info' ? 'warn' : config.HFBOT_LOG_LEVEL,
      format: config.HFBOT_LOG_FORMAT,
      write: io.err,
    });
    const dbFile = path.resolve(io.cwd, (values.db as string | undefined) ?? config.HFBOT_DB);
    const services = createServices(config, logger, { dbFile });
    try {
      const user = { id: (values.user as string | undefined) ?? io.env.USER ?? 'cli', platform: 'cli' as const };
      // Only the command asked for is loaded; /help and unknown commands need the whole registry.
      const one = await commandFor(text);
      const registry = one ? [one] : (await import('../../commands/index.js')).commands;
      const reply = await runCommandText(text, { user, services }, registry);
      if (reply.error) {
        if (values.json) io.out(JSON.stringify({ error: reply.error }));
        io.err(reply.text);
        return reply.error.code === 'E_INTERNAL' ? 1 : 2;
      }
      if (values.png) {
        if (!reply.chart) {
          io.err(msg.cli.noChart(values.png as string));
        } else {
          const { renderReplyPng } = await import('../../render/reply-png.js');
          writeFileSync(path.resolve(io.cwd, values.png as string), await renderReplyPng(reply, services));
        }
      }
      saveAttachments(reply, values.files as string | undefined, io);
      if (values.json)
        io.out(
          JSON.stringify({
            text: reply.text,
            data: reply.data,
            provenance: reply.provenance,
            chart: reply.chart ?? null,
          }),
        );
      else io.out(formatReplyText(reply));
      return 0;
    } finally {
      services.db.close();
    }
  },
};

/** Writes the reply's files into `dir`, or names them so the user knows they exist. */
function saveAttachments(reply: Reply, dir: string | undefined, io: CliIo): void {
  for (const f of reply.files ?? []) {
    if (!dir) {
      io.err(msg.cli.attached(f.name, f.content.length));
      continue;
    }
    const target = path.join(path.resolve(io.cwd, dir), path.basename(f.name));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, f.content);
    io.err(msg.cli.saved(target));
  }
}
