import { REST, Routes } from 'discord.js';
import type { CliCommand } from './io.js';
import { deployCommandsSpec } from './specs.js';
import { loadConfig } from '../../config.js';
import { HfbotError } from '../../errors.js';
import { msg } from '../../messages/index.js';
import { commands } from '../../commands/index.js';
import { discordCommands } from '../discord/commands-json.js';

/** `hfbot deploy-commands`: registers the slash commands built from the command definitions. */
export const deployCommandsCli: CliCommand = {
  ...deployCommandsSpec,
  async run(values, _positionals, io) {
    const config = loadConfig(io.env, io.cwd);
    const body = discordCommands(commands);
    if (values['dry-run']) {
      io.out(JSON.stringify(body, null, 2));
      return 0;
    }
    if (!config.DISCORD_TOKEN)
      throw new HfbotError('E_CONFIG', msg.cli.noDiscordToken, { hint: msg.cli.noDiscordTokenHint });
    const appId = config.DISCORD_APPLICATION_ID!;
    const guild = (values.guild as string | undefined) ?? config.DISCORD_GUILD_ID;
    if (guild !== undefined && !/^\d{17,20}$/.test(guild)) throw new HfbotError('E_USAGE', msg.cli.badGuild(guild));
    const rest = new REST({ version: '10', api: config.DISCORD_API_URL }).setToken(config.DISCORD_TOKEN);
    let saved: { name: string }[];
    try {
      saved = (await rest.put(
        guild ? Routes.applicationGuildCommands(appId, guild) : Routes.applicationCommands(appId),
        { body },
      )) as { name: string }[];
    } catch (err) {
      throw new HfbotError('E_NETWORK', msg.cli.deployRefused((err as Error).message), {
        cause: err,
        hint: msg.cli.deployRefusedHint,
      });
    }
    io.out(
      msg.cli.deployed(
        saved.length,
        guild,
        saved.map((c) => c.name),
      ),
    );
    return 0;
  },
};
