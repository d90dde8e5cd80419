/** User-facing strings of the Discord and Slack adapters and announcements. */
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
  moreRows: (n: number) => `... ${n} more rows`,
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
  slackNotInChannel: 'Invite the bot to this channel (/invite @hfbot) to see charts here.',
};
