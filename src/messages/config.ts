/** Strings of the start-up configuration check. */
export const config = {
  /** A secret is never echoed, not even a malformed one: start-up errors end up in logs. */
  invalid: (name: string, problem: string, got: unknown, secret = false) =>
    `Configuration: ${name} is invalid: ${problem} (got ${secret ? `a value of ${String(got ?? '').length} characters` : JSON.stringify(got)}).`,
  invalidHint: (name: string) => `Fix ${name} in the environment or in .env; see README "Configuration".`,
  discordNoApplication: 'Configuration: DISCORD_TOKEN is set but DISCORD_APPLICATION_ID is missing.',
  discordNoApplicationHint: 'Copy the application id from the Discord developer portal.',
  slackNoMode:
    'Configuration: SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET (HTTP mode) is.',
  slackNoModeHint: 'Set one of them.',
};
