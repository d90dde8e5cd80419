/** User-facing strings of the Discord and Slack adapters and announcements. */
export const platforms = {
  chartUnavailable: 'The chart could not be drawn this time; the numbers above are complete.',
  chartTitle: 'Chart',
  threadStarted: (title: string) => `Thread: ${title}`,
  actionExpired: 'This control has expired (the bot restarted). Please run the command again.',
  deliveryFailed: 'The answer could not be posted in this channel (is the bot a member?). Here it is privately:',
  moreRows: (n: number) => `... ${n} more rows`,
  truncated: '... (truncated)',
  redeployHint: 'Run hfbot deploy-commands to refresh the slash commands.',
  slackNotInChannel: 'Invite the bot to this channel (/invite @hfbot) to see charts here.',
};
