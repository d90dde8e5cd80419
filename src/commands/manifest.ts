/**
 * The explicit registry, as loaders: every command's name and where its module is. Adapters
 * that serve many commands load them all (index.ts); `hfbot ask` loads only the one it runs
 * (commandFor), so a one-shot command does not pay for every other command's imports.
 * Add a command here, in the order /help lists it.
 */
import type { Command } from './types.js';
import { tokenize } from './tokenize.js';

type Load = () => Promise<unknown>;

export const manifest: readonly (readonly [name: string, load: Load])[] = [
  ['help', () => import('./help.js').then((m) => m.help)],
  ['dataset', () => import('./dataset.js').then((m) => m.dataset)],
  ['code plan', () => import('./code-plan.js').then((m) => m.codePlan)],
  ['code start', () => import('./code-start.js').then((m) => m.codeStart)],
  ['code next', () => import('./code-next.js').then((m) => m.codeNext)],
  ['code label', () => import('./code-label.js').then((m) => m.codeLabel)],
  ['code skip', () => import('./code-skip.js').then((m) => m.codeSkip)],
  ['code status', () => import('./code-status.js').then((m) => m.codeStatus)],
  ['code agreement', () => import('./code-agreement.js').then((m) => m.codeAgreement)],
  ['code disagreements', () => import('./code-disagreements.js').then((m) => m.codeDisagreements)],
  ['code resolve', () => import('./code-resolve.js').then((m) => m.codeResolve)],
  ['code saturation', () => import('./code-saturation.js').then((m) => m.codeSaturation)],
  ['code export', () => import('./code-export.js').then((m) => m.codeExport)],
  ['code close', () => import('./code-close.js').then((m) => m.codeClose)],
  ['code reopen', () => import('./code-reopen.js').then((m) => m.codeReopen)],
  ['code purpose', () => import('./code-purpose.js').then((m) => m.codePurpose)],
  ['trend', () => import('./trend.js').then((m) => m.trend)],
  ['trends', () => import('./trends.js').then((m) => m.trends)],
  ['popular', () => import('./popular.js').then((m) => m.popular)],
  ['cards', () => import('./cards.js').then((m) => m.cards)],
  ['challenges', () => import('./challenges.js').then((m) => m.challenges)],
  ['benefits', () => import('./benefits.js').then((m) => m.benefits)],
  ['rootcauses', () => import('./rootcauses.js').then((m) => m.rootcauses)],
  ['examples', () => import('./examples.js').then((m) => m.examples)],
  ['taxonomy', () => import('./taxonomy.js').then((m) => m.taxonomyCommand)],
  ['forum', () => import('./forum.js').then((m) => m.forumCommand)],
  ['verify', () => import('./verify.js').then((m) => m.verify)],
];

export async function loadAll(): Promise<readonly Command[]> {
  return (await Promise.all(manifest.map(([, load]) => load()))) as Command[];
}

/**
 * The one command a line of chat text names (its first one or two words, as the parser reads
 * them), or null when it names none exactly: then the caller needs the whole registry, for
 * /help or for an error that lists the commands.
 */
export async function commandFor(text: string): Promise<Command | null> {
  let words: string[];
  try {
    words = tokenize(text.trim().replace(/^\//, ''))
      .filter((t) => !t.name)
      .slice(0, 2)
      .map((t) => t.value.toLowerCase());
  } catch {
    return null;
  }
  const [first = '', second = ''] = words;
  const entry = manifest.find(([name]) => name === `${first} ${second}`) ?? manifest.find(([name]) => name === first);
  if (!entry || entry[0] === 'help') return null;
  return (await entry[1]()) as Command;
}
