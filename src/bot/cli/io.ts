export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export const processIo: CliIo = {
  out: (s) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`),
  err: (s) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`),
  env: process.env,
  cwd: process.cwd(),
};

/** What help prints and how the arguments parse: loaded at start, so it stays cheap. */
export interface CliSpec {
  name: string;
  summary: string;
  usage: string;
  /** node:util parseArgs option config. */
  options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;
}

/** A subcommand's implementation, imported only when it runs. */
export interface CliCommand extends CliSpec {
  run(values: Record<string, unknown>, positionals: string[], io: CliIo): Promise<number>;
}
