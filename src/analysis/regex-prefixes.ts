/**
 * What the first few characters of a match of a regex fragment can be, for a candidate filter
 * that must never miss a match: the answer may say more than the truth, never less. It reads
 * the small regex language the model-name spellings use (literals, escapes such as \. and \d,
 * classes such as [-_ ] and [1-3], (?:...) groups, | and ?); anything else (*, +, {n}, lookarounds,
 * backreferences, \w, non-ASCII, ...) ends the analysis there and says "anything from here on".
 */

/** The characters that can stand at one position (letters in lower case), or null for any character. */
export type CharSet = ReadonlySet<string> | null;

type Node =
  | { kind: 'chars'; chars: CharSet; optional: boolean }
  | { kind: 'group'; alts: Node[][]; optional: boolean }
  | { kind: 'unknown' };

const DIGITS: ReadonlySet<string> = new Set('0123456789');
const isAscii = (c: string) => c.charCodeAt(0) < 128;
const isAsciiPunct = (c: string) => isAscii(c) && !/[A-Za-z0-9]/.test(c);

/** The characters one ASCII character stands for under the 'i' flag (no 'u' flag: ASCII folds to ASCII only). */
const fold = (c: string): string[] => (/[A-Za-z]/.test(c) ? [c.toLowerCase()] : [c]);

class Parser {
  i = 0;
  constructor(private readonly src: string) {}

  /** alternatives until end or ')' */
  alternation(): Node[][] {
    const alts: Node[][] = [[]];
    while (this.i < this.src.length && this.src[this.i] !== ')') {
      if (this.src[this.i] === '|') {
        this.i++;
        alts.push([]);
        continue;
      }
      const seq = alts.at(-1)!;
      const atom = this.atom();
      if (atom.kind === 'unknown') {
        seq.push(atom);
        this.skipToEndOfAlternative();
        continue;
      }
      const q = this.src[this.i];
      if (q === '*' || q === '+' || q === '{') {
        // Repetition: any number of copies is beyond this filter; from here on, anything.
        seq.push({ kind: 'unknown' });
        this.skipToEndOfAlternative();
        continue;
      }
      if (q === '?') {
        this.i++;
        if (this.src[this.i] === '?') this.i++; // lazy: same strings, other order
        atom.optional = true;
      }
      seq.push(atom);
    }
    return alts;
  }

  /** After an unknown construct the rest of this alternative does not matter; skip it, balancing parentheses. */
  private skipToEndOfAlternative(): void {
    let depth = 0;
    for (; this.i < this.src.length; this.i++) {
      const c = this.src[this.i];
      if (c === '\\') this.i++;
      else if (c === '[') this.i = this.classEnd();
      else if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) return;
        depth--;
      } else if (c === '|' && depth === 0) return;
    }
  }

  private classEnd(): number {
    let j = this.i + 1;
    if (this.src[j] === ']') j++;
    while (j < this.src.length && this.src[j] !== ']') j += this.src[j] === '\\' ? 2 : 1;
    return j;
  }

  private atom(): Exclude<Node, { kind: 'unknown' }> | { kind: 'unknown' } {
    const c = this.src[this.i]!;
    if (c === '\\') {
      const e = this.src[this.i + 1];
      this.i += 2;
      if (e === 'd') return { kind: 'chars', chars: DIGITS, optional: false };
      if (e !== undefined && isAsciiPunct(e)) return { kind: 'chars', chars: new Set([e]), optional: false };
      return { kind: 'unknown' };
    }
    if (c === '[') return this.charClass();
    if (c === '(') {
      // (?:...) and plain groups are groups; (?=, (?!, (?<=, (?<!, (?<name> are beyond this filter.
      if (this.src[this.i + 1] === '?' && this.src[this.i + 2] !== ':') return { kind: 'unknown' };
      this.i += this.src[this.i + 1] === '?' ? 3 : 1;
      const alts = this.alternation();
      if (this.src[this.i] !== ')') return { kind: 'unknown' };
      this.i++;
      return { kind: 'group', alts, optional: false };
    }
    this.i++;
    if (c === '.') return { kind: 'chars', chars: null, optional: false };
    if (c === '^' || c === '$' || !isAscii(c)) return { kind: 'unknown' };
    return { kind: 'chars', chars: new Set(fold(c)), optional: false };
  }

  private charClass(): Node {
    const end = this.classEnd();
    const body = this.src.slice(this.i + 1, end);
    this.i = end + 1;
    if (end >= this.src.length || body.startsWith('^')) return { kind: 'unknown' };
    const chars = new Set<string>();
    const items: string[] = [];
    for (let j = 0; j < body.length; j++) {
      if (body[j] !== '\\') {
        items.push(body[j]!);
        continue;
      }
      const e = body[++j];
      if (e === 'd')
        items.push(...DIGITS, '\0'); // '\0' keeps "\d-x" from reading as a range
      else if (e !== undefined && isAsciiPunct(e)) items.push(e);
      else return { kind: 'unknown' };
    }
    for (let j = 0; j < items.length; j++) {
      const a = items[j]!;
      if (!isAscii(a)) return { kind: 'unknown' };
      if (items[j + 1] === '-' && j + 2 < items.length && items[j + 2] !== '\0') {
        const b = items[j + 2]!;
        for (let code = a.charCodeAt(0); code <= b.charCodeAt(0); code++) {
          const ch = String.fromCharCode(code);
          if (!isAscii(ch)) return { kind: 'unknown' };
          for (const f of fold(ch)) chars.add(f);
        }
        j += 2;
      } else if (a !== '\0') for (const f of fold(a)) chars.add(f);
    }
    return { kind: 'chars', chars, optional: false };
  }
}

/** One way a match can begin: a character set per position. */
export interface MatchPrefix {
  chars: CharSet[];
  /** The whole match: the fragment ends after these characters. Otherwise anything may follow. */
  complete: boolean;
}

/**
 * Every way the first `k` characters of a match of `fragment` can look. A prefix that is not
 * complete (the match goes on beyond k characters, or the analysis stopped) lets anything follow.
 */
export function matchPrefixes(fragment: string, k: number): MatchPrefix[] {
  const p = new Parser(fragment);
  const alts = p.alternation();
  // A ')' with no '(' would be a syntax error in the real regex; say "anything" rather than guess.
  if (p.i < fragment.length) return [{ chars: [], complete: false }];
  const out: MatchPrefix[] = [];
  const walk = (nodes: Node[], acc: CharSet[]) => {
    if (nodes.length === 0) return void out.push({ chars: acc, complete: true });
    if (acc.length >= k) return void out.push({ chars: acc, complete: false });
    const [n, ...rest] = nodes as [Node, ...Node[]];
    if (n.kind === 'unknown') return void out.push({ chars: acc, complete: false });
    if (n.optional) walk(rest, acc);
    if (n.kind === 'chars') walk(rest, [...acc, n.chars]);
    else for (const alt of n.alts) walk([...alt, ...rest], acc);
  };
  for (const alt of alts) walk(alt, []);
  return out;
}
