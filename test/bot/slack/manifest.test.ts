import { describe, expect, it } from 'vitest';
import { main } from '../../../src/bot/cli/main.js';
import type { CliIo } from '../../../src/bot/cli/io.js';
import { commands } from '../../../src/commands/index.js';
import { parseCommandText } from '../../../src/commands/parse.js';
import { commandLine } from '../../../src/bot/slack/handlers.js';
import { slackManifest, type SlackManifest } from '../../../src/bot/slack/manifest.js';

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (s) => out.push(s), err: (s) => err.push(s), env: {}, cwd: process.cwd() };
  const code = await main(['slack-manifest', ...args], io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/**
 * The limits of Slack's manifest schema, as @slack/web-api documents its Manifest type
 * (dist/types/request/manifest.d.ts): name 35, description 140, bot display_name 80 of
 * [a-z0-9-_.], at most 50 slash commands, command 32 with the slash, description 2000,
 * usage_hint 1000; and Slack's rule that commands are lowercase without spaces.
 */
function schemaProblems(m: SlackManifest): string[] {
  const out: string[] = [];
  const d = m.display_information;
  if (!d.name || d.name.length > 35) out.push('display_information.name');
  if ((d.description ?? '').length > 140) out.push('display_information.description');
  const bot = m.features?.bot_user;
  if (!bot || !/^[a-z0-9._-]{1,80}$/.test(bot.display_name)) out.push('features.bot_user.display_name');
  const cmds = m.features?.slash_commands ?? [];
  if (cmds.length > 50) out.push('slash_commands > 50');
  for (const c of cmds) {
    if (!/^\/[a-z0-9_-]{1,31}$/.test(c.command)) out.push(`command ${c.command}`);
    if (!c.description || c.description.length > 2000) out.push(`description of ${c.command}`);
    if ((c.usage_hint ?? '').length > 1000) out.push(`usage_hint of ${c.command}`);
  }
  if (new Set(cmds.map((c) => c.command)).size !== cmds.length) out.push('duplicate commands');
  return out;
}

describe('bot/slack/manifest', () => {
  it('hfbot slack-manifest prints a Socket Mode manifest with one slash command per command, plus /hfbot', async () => {
    const r = await cli([]);
    expect(r.code).toBe(0);
    const m = JSON.parse(r.out) as SlackManifest;
    expect(schemaProblems(m)).toEqual([]);
    expect(m.settings).toMatchObject({ socket_mode_enabled: true, interactivity: { is_enabled: true } });
    expect(m.settings?.interactivity?.request_url).toBeUndefined();
    expect(m.oauth_config?.scopes?.bot).toEqual(['commands', 'chat:write', 'files:write', 'users:read']);
    const slash = m.features!.slash_commands!;
    // Escaped, so mentions arrive as user ids (<@U0AAA1>) that the bot resolves.
    expect(slash.every((c) => c.should_escape === true)).toBe(true);
    expect(slash[0]).toMatchObject({ command: '/hfbot' });
    expect(slash.every((c) => c.url === undefined)).toBe(true);
    // Every command of the registry is reachable: its top word is a slash command and, for
    // subcommands, the usage hint names it; and the line Slack sends parses to that command.
    for (const c of commands) {
      const [top, sub] = c.definition.name.split(' ') as [string, string | undefined];
      const entry = slash.find((s) => s.command === `/${top}`);
      expect(entry, c.definition.name).toBeDefined();
      if (sub) expect(entry!.usage_hint).toContain(sub);
      const line = commandLine(`/${top}`, sub ?? '', 'hfbot');
      expect(() => parseCommandText(line.text, commands)).not.toThrow(/Unknown command|needs a subcommand/);
    }
    expect(r.err).toContain('api.slack.com/apps');
  });

  it('with --url: HTTP mode, the request URL on every command and on interactivity', async () => {
    const r = await cli(['--url', 'https://bot.example.org']);
    expect(r.code).toBe(0);
    const m = JSON.parse(r.out) as SlackManifest;
    expect(schemaProblems(m)).toEqual([]);
    const url = 'https://bot.example.org/slack/events';
    expect(m.settings).toMatchObject({
      socket_mode_enabled: false,
      interactivity: { is_enabled: true, request_url: url },
    });
    expect(m.features!.slash_commands!.every((c) => c.url === url)).toBe(true);
  });

  it('refuses a request URL Slack would not call, naming the option', async () => {
    for (const bad of ['http://bot.example.org/slack/events', 'not a url']) {
      const r = await cli(['--url', bad]);
      expect(r.code).toBe(2);
      expect(r.err).toContain('--url must be the public https address');
      expect(r.out).toBe('');
    }
  });

  it('--umbrella-only and --name: only /hfbot, under the given app name', () => {
    const m = slackManifest(commands, { umbrellaOnly: true, name: 'PTM Reuse Bot' });
    expect(schemaProblems(m)).toEqual([]);
    expect(m.features!.slash_commands!.map((c) => c.command)).toEqual(['/hfbot']);
    expect(m.display_information.name).toBe('PTM Reuse Bot');
    expect(m.features!.bot_user!.display_name).toBe('ptm-reuse-bot');
  });
});
