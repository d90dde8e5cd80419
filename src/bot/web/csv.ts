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

/**
 * Content-Disposition for a download (RFC 6266): an ASCII fallback name of [A-Za-z0-9._-] and the
 * exact name in RFC 5987 `filename*`, so no name a command builds can break the header.
 */
export function attachmentDisposition(name: string): string {
  const ascii = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+/, '') || 'download';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
