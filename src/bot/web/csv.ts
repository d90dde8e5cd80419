/** Download names for the web chat; the CSV itself is written by the shared src/csv.ts. */

/** A file name safe for Content-Disposition, from the command the user typed. */
export function downloadName(raw: string, ext: 'csv' | 'png'): string {
  const base = raw
    .replace(/^\//, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `hfbot-${base || 'reply'}.${ext}`;
}
