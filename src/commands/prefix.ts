/**
 * The prefix a user typed a command with (issue 13 item 5). On Slack one app command may carry
 * every command line (`/hfbot trend llama`); the web chat and the CLI accept the same form. An
 * answer's hints and errors then say `/hfbot trend`, not `/trend`, which may not be installed.
 *
 * Messages name commands in one form, `/name` (src/messages); this turns that form into the one
 * the user typed, for every message of the answer, instead of threading a prefix through each
 * message function. Only a known command name right after a slash that starts a word is changed,
 * so URLs (https://discuss.huggingface.co/t/639) and paths stay as they are.
 */
import type { Reply } from '../reply.js';

/** The umbrella command's name: Slack's `/hfbot`, accepted as a leading word everywhere. */
export const UMBRELLA = 'hfbot';
export const SLASH = '/';

/** `/hfbot trend llama` -> the command line `trend llama` typed with prefix `/hfbot `; else null. */
export function splitUmbrella(text: string, umbrella = UMBRELLA): { prefix: string; text: string } | null {
  const m = new RegExp(`^\\s*/?${umbrella}(?:\\s+|$)`, 'i').exec(text);
  if (!m) return null;
  return { prefix: `/${umbrella} `, text: text.slice(m[0].length).trim() };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Rewrites `/name` (a known top-level command) as `${prefix}name`. */
export function withPrefix(text: string, prefix: string, names: readonly string[]): string {
  if (prefix === SLASH || !names.length) return text;
  const alternatives = [...new Set(names)]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
  const re = new RegExp(`(^|[^\\w/.:-])/(${alternatives})(?=$|[^\\w/-])`, 'g');
  return text.replace(re, (_m, before: string, name: string) => `${before}${prefix}${name}`);
}

/** The answer's text and error message in the user's prefix (controls' commands are left alone). */
export function prefixReply(reply: Reply, prefix: string, names: readonly string[]): Reply {
  if (prefix === SLASH) return reply;
  return {
    ...reply,
    text: withPrefix(reply.text, prefix, names),
    ...(reply.error ? { error: { ...reply.error, message: withPrefix(reply.error.message, prefix, names) } } : {}),
  };
}
