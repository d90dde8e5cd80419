import path from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { CliCommand, CliIo } from './io.js';
import { msg } from '../../messages/index.js';
import type { Reply } from '../../reply.js';
import { loadConfig } from '../../config.js';
import { createLogger } from '../../logger.js';
import { createServices } from '../../services.js';
import { runCommandText } from '../../commands/run.js';
import { commands } from '../../commands/index.js';
import { formatReplyText } from '../format-text.js';

export const askCli: CliCommand = {
  name: 'ask',
  summary: 'Ask the bot one command, e.g. hfbot ask "/trend llama"',
  usage: [
    'hfbot ask "<command>" [--user ID] [--json] [--db FILE] [--png FILE]',
    '',
    '  --user ID    who is asking (coding rounds need it; default: $USER or "cli")',
    '  --json       print {"text","data","provenance","chart"} as one JSON object',
    '  --db FILE    dataset (default: $HFBOT_DB or data/hfbot.sqlite)',
    '  --png FILE   also write the chart as a PNG',
    "  --files DIR  save the reply's attachments there (e.g. the CSV of /code export)",
    '',
    'Exit status: 0 answered, 2 bad input (the message says what to fix), 1 internal error.',
  ].join('\n'),
  options: {
    user: { type: 'string' },
    json: { type: 'boolean' },
    db: { type: 'string' },
    png: { type: 'string' },
    files: { type: 'string' },
  },
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
      const reply = await runCommandText(text, { user, services }, commands);
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
