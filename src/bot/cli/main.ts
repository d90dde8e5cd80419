/**
 * `hfbot <subcommand>`: the registry of CLI subcommands and the process-level error handler.
 * Only the specs load at start; a subcommand's code (and what it needs: the dataset, the
 * commands, discord.js, bolt, the chart renderer) is imported when it runs, so `--help` is
 * instant and `hfbot ask` pays only for what answering needs.
 */
import { parseArgs } from 'node:util';
import { exitCodeFor, isHfbotError } from '../../errors.js';
import { msg } from '../../messages/index.js';
import { processIo, type CliCommand, type CliIo, type CliSpec } from './io.js';
import {
  askSpec,
  benchSpec,
  deployCommandsSpec,
  ingestSpec,
  mineSpec,
  refreshSpec,
  serveSpec,
  slackManifestSpec,
} from './specs.js';

export const cliCommands: readonly CliSpec[] = [
  ingestSpec,
  askSpec,
  serveSpec,
  deployCommandsSpec,
  slackManifestSpec,
  mineSpec,
  refreshSpec,
  benchSpec,
];

const load: Record<string, () => Promise<CliCommand>> = {
  ingest: async () => (await import('./ingest.js')).ingestCli,
  ask: async () => (await import('./ask.js')).askCli,
  serve: async () => (await import('./serve.js')).serveCli,
  'deploy-commands': async () => (await import('./deploy-commands.js')).deployCommandsCli,
  'slack-manifest': async () => (await import('./slack-manifest.js')).slackManifestCli,
  mine: async () => (await import('./mine.js')).mineCli,
  refresh: async () => (await import('./refresh.js')).refreshCli,
  bench: async () => (await import('./bench.js')).benchCli,
};

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
    const impl = await load[cmd.name]!();
    return await impl.run(parsed.values, parsed.positionals, io);
  } catch (err) {
    if (isHfbotError(err)) io.err(msg.cli.failed(cmd.name, err.userMessage()));
    else io.err(msg.cli.internal(cmd.name, (err as Error)?.stack ?? String(err)));
    return exitCodeFor(err);
  }
}
