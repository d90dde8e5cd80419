import { HfbotError } from '../errors.js';
import { msg } from '../messages/index.js';

export interface Token {
  /** Set for `name:value` tokens. */
  name?: string;
  value: string;
}

// Option names may end in digits (rater1, rater2).
const NAMED = /^([a-zA-Z][a-zA-Z0-9-]*):(.*)$/s;

/**
 * Splits chat text the way people type it in Slack: words, "quoted phrases" (straight or
 * curly quotes), and name:value or name:"quoted value" pairs.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const s = text.replace(/[\u201C\u201D]/g, '"');
  let i = 0;
  while (i < s.length) {
    while (i < s.length && /\s/.test(s[i]!)) i++;
    if (i >= s.length) break;
    let word = '';
    const startsQuoted = s[i] === '"';
    while (i < s.length && !/\s/.test(s[i]!)) {
      if (s[i] === '"') {
        const end = s.indexOf('"', i + 1);
        if (end < 0) throw new HfbotError('E_USAGE', msg.core.unclosedQuote);
        word += s.slice(i + 1, end);
        i = end + 1;
      } else {
        word += s[i];
        i++;
      }
    }
    const m = NAMED.exec(word);
    // A word that starts with a quote is always a value, even if it contains a colon.
    if (m && !startsQuoted) tokens.push({ name: m[1]!.toLowerCase(), value: m[2]! });
    else tokens.push({ value: word });
  }
  return tokens;
}
