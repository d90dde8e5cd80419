/** Strings of the `hfbot` command line (subcommand usages stay with their definitions). */
export const cli = {
  unknownSubcommand: (name: string) => `Unknown command "${name}".`,
  badArguments: (cmd: string, detail: string) => `hfbot ${cmd}: ${detail}`,
  failed: (cmd: string, detail: string) => `hfbot ${cmd}: ${detail}`,
  internal: (cmd: string, detail: string) => `hfbot ${cmd}: internal error: ${detail}`,
  noChart: (file: string) => `This reply has no chart; ${file} was not written.`,
  attached: (name: string, bytes: number) => `Attached: ${name} (${bytes} bytes); add --files DIR to save it.`,
  saved: (file: string) => `Saved ${file}`,
  benchList: (all: string[]) => `Benchmarks: ${all.join(', ')}.\nRun one with: hfbot bench <name> [args...]`,
  benchUnknown: (name: string, all: string[]) => `hfbot bench: no benchmark "${name}". Benchmarks: ${all.join(', ')}.`,
  badPort: (raw: unknown) => `--port must be a whole number from 0 to 65535; got ${JSON.stringify(raw)}.`,
  badGuild: (guild: string) => `--guild must be a Discord server id (17-20 digits); got "${guild}".`,
  noDiscordToken: 'DISCORD_TOKEN is not set.',
  noDiscordTokenHint: 'Set it (the bot token from the Discord developer portal) in the environment or in .env.',
  deployRefused: (detail: string) => `Discord refused the commands: ${detail}`,
  deployRefusedHint:
    'Check DISCORD_TOKEN and DISCORD_APPLICATION_ID, and that the bot was invited with the applications.commands scope.',
  manifestBadUrl: (got: string) =>
    `--url must be the public https address of the bot's Slack endpoint, e.g. https://bot.example.org/slack/events; got "${got}".`,
  manifestPaste:
    "Paste this manifest at https://api.slack.com/apps > Create New App > From an app manifest (or an app's App Manifest page), then install the app.",
  deployed: (n: number, guild: string | undefined, names: string[]) =>
    `Registered ${n} slash commands ${guild ? `in guild ${guild}` : 'globally'}: ${names.map((c) => `/${c}`).join(', ')}.`,
};
