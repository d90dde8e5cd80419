/** User-facing strings of the Discord and Slack adapters and announcements. */
import { fmtCount } from '../format/numbers.js';

export const platforms = {
  chartUnavailable: 'The chart could not be drawn this time; the numbers above are complete.',
  chartTitle: 'Chart',
  threadStarted: (title: string) => `Thread: ${title}`,
  slackThreadHead: (title: string, user: string) =>
    `${title}: the coding thread of ${user ? `<@${user}>` : 'one rater'}.`,
  slackThreadIntro: 'Topics and labels in this thread are shown only to the rater it belongs to.',
  slackInThread: (title: string) => `Your topic is in the thread "${title}" in this channel; only you see it.`,
  discordNoGuild: 'People can only be looked up in a server channel; start the round there, not in a direct message.',
  discordInThread: (thread: string) => `Your topic is in your private thread <#${thread}>.`,
  discordThreadHello: (user: string) =>
    `<@${user}>: your topics of this round come here. Only you (and moderators) can see this thread.`,
  actionExpired: 'This control has expired (the bot restarted). Please run the command again.',
  deliveryFailed: 'The answer could not be posted in this channel (is the bot a member?). Here it is privately:',
  firstRows: (shown: number, total: number, file: string) =>
    `First ${fmtCount(shown)} of ${fmtCount(total)} rows; all ${fmtCount(total)} are in ${file}.`,
  allRowsIn: (total: number, file: string) => `The table (${fmtCount(total)} rows) is also attached as ${file}.`,
  // Slack's response_url (private answers) carries no files.
  firstRowsNoFile: (shown: number, total: number) =>
    `First ${fmtCount(shown)} of ${fmtCount(total)} rows; a private answer cannot carry the CSV here (the web chat or hfbot ask --json shows every row).`,
  textContinues: (file: string) => `The answer continues in ${file}.`,
  textCut: 'The rest did not fit in a private answer (the web chat or hfbot ask shows all of it).',
  truncated: '... (truncated)',
  redeployHint: 'Run hfbot deploy-commands to refresh the slash commands.',
  discordNotConfigured: 'Discord is not configured: DISCORD_TOKEN is missing.',
  discordNotReady: (seconds: number) => `Discord gateway did not become ready in ${seconds} s.`,
  discordLoginFailed: (detail: string) => `Discord login failed: ${detail}`,
  discordLoginHint: 'Check DISCORD_TOKEN (Bot token from the developer portal) and DISCORD_API_URL.',
  slackNotConfigured: 'Slack is not configured: SLACK_BOT_TOKEN is missing.',
  slackStartFailed: (mode: string, detail: string) => `Slack could not start in ${mode} mode: ${detail}`,
  slackPortHint: (port: number, host: string) =>
    `Is port ${port} (SLACK_PORT) free, and is ${host} (SLACK_HOST) an address of this machine?`,
  slackAppTokenHint: 'Check SLACK_APP_TOKEN (xapp-...).',
  manifestDescription:
    'Research assistant for pre-trained model reuse on the HuggingFace Hub and Forums (SANER 2024 data).',
  manifestUmbrella: 'Any hfbot command as one line: /hfbot trend llama, /hfbot help',
  manifestUmbrellaHint: '<command> [options], e.g. trend llama or help code',
  manifestGroup: (top: string, n: number) => `${n} subcommands (see the usage hint); /help ${top} explains each`,
  slackNotInChannel: 'Invite the bot to this channel (/invite @hfbot) to see charts here.',
};
