/** User-facing strings about who takes part in coding rounds: raters, owners, admins, the team. */

const list = (xs: readonly string[]) => xs.join('; ');
const platformName = (p: string) =>
  ({ slack: 'Slack', discord: 'Discord', web: 'the web chat', cli: 'the CLI' })[p] ?? p;

export const codingPeople = {
  noRaters: '/code start needs raters: name at least one person who codes the topics.',
  ratersHint: (platform: string) =>
    platform === 'slack'
      ? "Mention them: raters:@alice,@bob (Slack sends mentions as <@U0AAA1>); a name works when it is one person's display name, real name or handle."
      : platform === 'discord'
        ? "Mention them (raters:@alice @bob) or pick them in rater1, rater2, rater3; a name works when it is one member's username or server nickname."
        : 'Type their names: raters:alice,bob.',
  ratersHintTyped: 'In the web chat and the CLI each name is its own identity: raters:alice,bob.',
  ratersUnresolved: (problems: readonly string[]) =>
    `The round was not started: ${problems.length === 1 ? 'one rater' : `${problems.length} raters`} could not be found. ${list(problems)}.`,
  unknownRater: (text: string, platform: string, similar: readonly string[]) =>
    `"${text}" is nobody on ${platformName(platform)}${similar.length ? ` (similar: ${similar.join(', ')})` : ''}`,
  ambiguousRater: (text: string, candidates: readonly string[]) =>
    `"${text}" could be ${candidates.length} people: ${candidates.join(', ')}; mention the one you mean`,
  unknownMention: (text: string, platform: string) =>
    `${text} is no user of this ${platform === 'discord' ? 'Discord server' : `${platformName(platform)} workspace`}`,
  raterIsBot: (text: string, name: string) => `${text} (${name}) is a bot, not a person`,
  raterDeactivated: (text: string, name: string) => `${text} (${name}) is deactivated`,
  mentionHere: (text: string) => `${text} is a Slack or Discord mention; in this chat raters are typed names`,
  otherPlatform: (text: string, platform: string) =>
    `${text} is not a user of ${platformName(platform)}; a round's raters code where it was started`,
  emptyRater: 'an empty name',
  directoryFailed: (platform: string, why: string) => `Could not look up users on ${platformName(platform)}: ${why}.`,
  notRaterHint: (owner: string) => `Ask ${owner}, who started it, to add you in a new round.`,
  notViewer: (name: string) =>
    `Only the raters, the owner, admins and team members (HFBOT_TEAM) can see round "${name}".`,
  exportBeforeClose: (name: string, owner: string) =>
    `Round "${name}" is still open: until it is closed only ${owner} (its owner) or an admin can export it.`,
  notTeam: (action: string, you: string) =>
    `Only team members and admins can ${action}; you are ${you}, who is neither.`,
  notTeamHint: (you: string) => `An admin can add you to HFBOT_TEAM (as ${you}); see README "Configuration".`,
  threadTitle: (round: string, rater: string) => `Round ${round} · ${rater}`,
  alreadyPurpose: (name: string, purpose: string) => `Round "${name}" is already a ${purpose} round.`,
  purposeChanged: (name: string, purpose: string, categories: number, raters: number) =>
    purpose === 'study'
      ? raters >= 2
        ? `Round "${name}" is now a study round: ${categories} agreed or resolved topics count as topic categories.`
        : `Round "${name}" is now a study round, but with one rater its labels are not agreement and count nowhere.`
      : `Round "${name}" is now a practice round: its labels no longer count as topic categories.`,
};
