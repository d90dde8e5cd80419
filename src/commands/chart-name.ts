/**
 * Chart file names and titles from the command that drew them: `/trend llama` posts
 * `trend-llama.png` titled "/trend llama: forum mentions vs Hub uploads", not "chart.png" / "Chart".
 */
import type { ChartName, Reply } from './types.js';

const MAX_FILE = 80;

/**
 * Only [a-z0-9.-]: safe in a Content-Disposition header, a Slack filename and Discord's
 * attachment:// reference (Discord docs, "Using Attachments within Embeds": the embed must name
 * the uploaded file exactly, with an image extension). Underscores become dashes as well.
 */
export function chartFileName(words: readonly string[]): string {
  const base = words
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, MAX_FILE)
    .replace(/[-.]+$/, '');
  return `${base || 'chart'}.png`;
}

/**
 * `command` is the command's name ('trend', 'code agreement'); `args` the options that change the
 * picture, already resolved (the model type as stored, not as typed); `what` says what it shows.
 */
export function chartName(command: string, args: readonly (string | null | undefined)[], what: string): ChartName {
  const given = args.filter((a): a is string => typeof a === 'string' && a.length > 0);
  return {
    file: chartFileName([...command.split(' '), ...given]),
    title: `/${[command, ...given].join(' ')}: ${what}`,
  };
}

/** The reply with its chart named; a reply without a chart is returned as it is. */
export function named(reply: Reply, name: ChartName): Reply {
  return reply.chart ? { ...reply, chartName: name } : reply;
}

/** `source:mined` and the like; the default (the paper's data) goes unnamed. */
export const sourceArg = (source: string | undefined): string | undefined =>
  source && source !== 'paper' ? `source:${source}` : undefined;

/** `name:value` when the option was given, for chartName's args. */
export const given = (name: string, value: string | number | boolean | null | undefined): string | undefined =>
  value === undefined || value === null || value === false ? undefined : `${name}:${value}`;
