/**
 * A Slack app manifest generated from the command registry (issue 13 item 5), so an admin pastes
 * one document (api.slack.com/apps > Create New App > From an app manifest) instead of creating
 * each slash command by hand. Field names and limits follow Slack's manifest schema as
 * @slack/web-api types it (`apps.manifest.create`'s Manifest: display_information.name at most
 * 35 characters and description 140; slash_commands at most 50, each command at most 32
 * characters with its leading slash, description 2000, usage_hint 1000; bot display_name 80 of
 * a-z 0-9 - _ .).
 */
import type { webApi } from '@slack/bolt';
import type { Command } from '../../commands/types.js';
import { usageOf } from '../../commands/parse.js';
import { UMBRELLA } from '../../commands/prefix.js';
import { msg } from '../../messages/index.js';

export type SlackManifest = webApi.AppsManifestCreateArguments['manifest'];
type SlashCommand = NonNullable<NonNullable<SlackManifest['features']>['slash_commands']>[number];

export interface ManifestOptions {
  /** The app's name in Slack (at most 35 characters). */
  name?: string;
  /** HTTP mode: the public https URL of Bolt's receiver (…/slack/events). Absent: Socket Mode. */
  requestUrl?: string;
  /** Only the umbrella command (/hfbot trend llama), e.g. where /trend is taken by another app. */
  umbrellaOnly?: boolean;
}

/**
 * What the bot calls: slash commands, chat.postMessage/postEphemeral/update, files.uploadV2, and
 * users.info / users.list to resolve raters (README "Discord and Slack").
 */
export const BOT_SCOPES = ['commands', 'chat:write', 'files:write', 'users:read'] as const;

const cut = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

function slashCommands(commands: readonly Command[], o: ManifestOptions): SlashCommand[] {
  const url = o.requestUrl ? { url: o.requestUrl } : {};
  // should_escape true ("Escape channels, users, and links"): a rater picked from the mention
  // autocomplete arrives as <@U0AAA1>, a user id the bot resolves with users.info (handlers.ts).
  const base = { should_escape: true, ...url };
  const umbrella: SlashCommand = {
    command: `/${UMBRELLA}`,
    description: msg.platforms.manifestUmbrella,
    usage_hint: msg.platforms.manifestUmbrellaHint,
    ...base,
  };
  if (o.umbrellaOnly) return [umbrella];
  const groups = new Map<string, Command[]>();
  for (const c of commands) {
    const top = c.definition.name.split(' ')[0]!;
    groups.set(top, [...(groups.get(top) ?? []), c]);
  }
  const own = [...groups].map(([top, cs]): SlashCommand => {
    const single = cs.length === 1 && cs[0]!.definition.name === top;
    const def = cs[0]!.definition;
    const usage = usageOf(def).replace(new RegExp(`^Usage: /${top}\\s*`), '');
    return {
      command: `/${top}`,
      description: cut(single ? def.description : msg.platforms.manifestGroup(top, cs.length), 2000),
      ...(single
        ? usage
          ? { usage_hint: cut(usage, 1000) }
          : {}
        : { usage_hint: cut(cs.map((c) => c.definition.name.split(' ')[1]).join(' | '), 1000) }),
      ...base,
    };
  });
  return [umbrella, ...own].slice(0, 50);
}

export function slackManifest(commands: readonly Command[], o: ManifestOptions = {}): SlackManifest {
  const name = cut(o.name ?? UMBRELLA, 35);
  const botName =
    name
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .slice(0, 80) || UMBRELLA;
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name,
      description: cut(msg.platforms.manifestDescription, 140),
      background_color: '#ff9d00',
    },
    features: {
      bot_user: { display_name: botName, always_online: true },
      slash_commands: slashCommands(commands, o),
    },
    oauth_config: { scopes: { bot: [...BOT_SCOPES] } },
    // No event_subscriptions: the bot listens to slash commands and interactive controls only.
    settings: o.requestUrl
      ? {
          socket_mode_enabled: false,
          interactivity: { is_enabled: true, request_url: o.requestUrl },
          org_deploy_enabled: false,
          token_rotation_enabled: false,
        }
      : {
          socket_mode_enabled: true,
          interactivity: { is_enabled: true },
          org_deploy_enabled: false,
          token_rotation_enabled: false,
        },
  };
}
