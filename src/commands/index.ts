/**
 * The explicit registry: adapters register and dispatch exactly these commands.
 * Add a command by importing its file here.
 */
import type { Command } from './types.js';
import { dataset } from './dataset.js';
import { help } from './help.js';
import { codeCommands } from './code-commands.js';
import { trend } from './trend.js';
import { trends } from './trends.js';
import { popular } from './popular.js';
import { cards } from './cards.js';
import { challenges } from './challenges.js';
import { benefits } from './benefits.js';
import { rootcauses } from './rootcauses.js';
import { examples } from './examples.js';
import { taxonomyCommand } from './taxonomy.js';
import { verify } from './verify.js';
import { forumCommand } from './forum.js';

export const commands: readonly Command[] = [
  help,
  dataset,
  ...codeCommands,
  trend,
  trends,
  popular,
  cards,
  challenges,
  benefits,
  rootcauses,
  examples,
  taxonomyCommand,
  forumCommand,
  verify,
] as unknown as readonly Command[];

export function commandNames(): string[] {
  return commands.map((c) => c.definition.name);
}
