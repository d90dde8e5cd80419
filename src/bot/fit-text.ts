/**
 * Long text in chat containers (embed descriptions, Slack sections): cut only between lines,
 * and a fenced block (```...```) is one piece, never cut (issue 13 item 1; see long-answer.ts).
 */
const FENCE = '```';

/** Text split into pieces never to be cut: single lines, or a whole fenced block. */
export function textUnits(text: string): string[] {
  const units: string[] = [];
  let open: string[] | null = null;
  for (const line of text.split('\n')) {
    const fence = line.trimStart().startsWith(FENCE);
    if (open) {
      open.push(line);
      if (fence) {
        units.push(open.join('\n'));
        open = null;
      }
    } else if (fence && !line.trim().slice(FENCE.length).includes(FENCE)) open = [line];
    else units.push(line);
  }
  // An unclosed fence is closed here, so a cut can never leave one open.
  if (open) units.push([...open, FENCE].join('\n'));
  return units;
}

/** A unit longer than `max` (a huge fence or line), split into pieces of at most `max`. */
function splitUnit(unit: string, max: number): string[] {
  const fenced = unit.trimStart().startsWith(FENCE) && unit.includes('\n');
  if (!fenced) {
    const out: string[] = [];
    for (let i = 0; i < unit.length; i += max) out.push(unit.slice(i, i + max));
    return out;
  }
  // Close the fence at the end of each piece and reopen it in the next one.
  const lines = unit.split('\n');
  const head = lines[0]!;
  const body = lines.slice(1, -1);
  const out: string[] = [];
  let cur: string[] = [];
  const size = (ls: string[]) => [head, ...ls, FENCE].join('\n').length;
  for (const l of body) {
    if (cur.length && size([...cur, l]) > max) {
      out.push([head, ...cur, FENCE].join('\n'));
      cur = [];
    }
    if (size([l]) > max) out.push(...splitUnit(l, max));
    else cur.push(l);
  }
  if (cur.length || !out.length) out.push([head, ...cur, FENCE].join('\n'));
  return out;
}

export interface Packed {
  /** Containers (embed descriptions, section texts), each at most `max` long. */
  chunks: string[];
  /** False when some text did not fit in `total` or `containers`. */
  complete: boolean;
}

/**
 * Packs text into containers of at most `max` characters, at most `containers` of them and
 * `total` characters in all, cutting only between units.
 */
export function packText(text: string, limits: { max: number; containers: number; total: number }): Packed {
  const units = textUnits(text).flatMap((u) => (u.length > limits.max ? splitUnit(u, limits.max) : [u]));
  const chunks: string[] = [];
  let cur: string[] = [];
  let used = 0;
  const flush = () => {
    if (cur.length) chunks.push(cur.join('\n'));
    cur = [];
  };
  for (const u of units) {
    const joined = cur.length ? [...cur, u].join('\n').length : u.length;
    if (joined > limits.max) {
      flush();
      if (chunks.length >= limits.containers) return { chunks, complete: false };
    }
    const cost = cur.length ? 1 + u.length : u.length;
    if (used + cost > limits.total) {
      flush();
      return { chunks, complete: false };
    }
    cur.push(u);
    used += cost;
  }
  flush();
  return { chunks: chunks.filter((c) => c.trim().length), complete: true };
}
