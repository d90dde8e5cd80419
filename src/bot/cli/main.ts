/** `hfbot <subcommand>`: the registry of CLI subcommands and the process-level error handler. */
import { parseArgs } from 'node:util';
import { exitCodeFor, isHfbotError } from '../../errors.js';
import { msg } from '../../messages/index.js';
import { processIo, type CliCommand, type CliIo } from './io.js';
import { ingestCli } from './ingest.js';
import { askCli } from './ask.js';
import { deployCommandsCli } from './deploy-commands.js';
import { serveCli } from './serve.js';
import { mineCli } from './mine.js';
import { refreshCli } from './refresh.js';
import { benchCli } from './bench.js';

export const cliCommands: CliCommand[] = [
  ingestCli,
  askCli,
  serveCli,
  deployCommandsCli,
  mineCli,
  refreshCli,
  benchCli,
];

function topHelp(): string {
  return [
    'hfbot: a research assistant for PTM reuse on the HuggingFace Hub and Forums (SANER 2024).',
    '',
    'Usage: hfbot <command> [options]   (hfbot <command> --help for details)',
    '',
    ...cliCommands.map((c) => `  ${c.name.padEnd(16)} ${c.summary}`),
  ].join('\n');
}

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(topHelp());
    return name ? 0 : 2;
  }
  const cmd = cliCommands.find((c) => c.name === name);
  if (!cmd) {
    io.err(`${msg.cli.unknownSubcommand(name)}\n\n${topHelp()}`);
    return 2;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...cmd.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    io.err(`${msg.cli.badArguments(cmd.name, (err as Error).message)}\n\n${cmd.usage}`);
    return 2;
  }
  if (parsed.values.help) {
    io.out(`${cmd.summary}\n\n${cmd.usage}`);
    return 0;
  }
  try {
    return await cmd.run(parsed.values, parsed.positionals, io);
  } catch (err) {
    if (isHfbotError(err)) io.err(msg.cli.failed(cmd.name, err.userMessage()));
    else io.err(msg.cli.internal(cmd.name, (err as Error)?.stack ?? String(err)));
    return exitCodeFor(err);
  }
}
