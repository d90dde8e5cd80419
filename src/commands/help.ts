import { defineCommand } from './types.js';
import { opt } from './options.js';
import { usageOf } from './parse.js';
import { HfbotError } from '../errors.js';
import { msg } from '../messages/index.js';

/** Help lists the registry it runs under (ctx.commands), so it never drifts from what actually runs. */
export const help = defineCommand({
  definition: {
    name: 'help',
    description: 'List the commands, or show how to use one',
    options: { command: opt.string({ description: 'A command name, e.g. trend', positional: true, rest: true }) },
    examples: ['/help', '/help trend'],
  },
  execute(ctx) {
    const commands = ctx.commands;
    const wanted = ctx.args.command?.replace(/^\//, '').toLowerCase();
    if (!wanted) {
      const lines = commands.map((c) => `/${c.definition.name} - ${c.definition.description}`);
      return { text: lines.join('\n'), data: { commands: commands.map((c) => c.definition.name) }, provenance: null };
    }
    const found = commands.filter((c) => c.definition.name === wanted || c.definition.name.startsWith(`${wanted} `));
    if (!found.length)
      throw new HfbotError('E_UNKNOWN_COMMAND', msg.core.noSuchCommand(wanted), { hint: msg.core.helpHint });
    const text = found
      .map((c) =>
        [
          `/${c.definition.name} - ${c.definition.description}`,
          usageOf(c.definition),
          ...Object.entries(c.definition.options).map(
            ([n, o]) =>
              `  ${n}: ${o.description} (${o.expected}${o.default !== undefined ? `, default ${String(o.default)}` : ''})`,
          ),
          ...(c.definition.examples ?? []).map((e) => `  e.g. ${e}`),
        ].join('\n'),
      )
      .join('\n\n');
    return { text, data: { commands: found.map((c) => c.definition.name) }, provenance: null };
  },
});
