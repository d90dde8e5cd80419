/** Reads the published agreement data sets from ../shared (never copied into the repo). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { AGREEMENT_FIXTURES } from '../../helpers/paths.js';

function rows(file: string): string[][] {
  return parse(readFileSync(path.join(AGREEMENT_FIXTURES, file), 'utf8'), { bom: true }) as string[][];
}

/** Fleiss (1971): 30 patients x 6 raters, one row per patient. */
export function fleiss1971(): string[][] {
  return rows('fleiss1971-diagnoses.csv')
    .slice(1)
    .map((r) => r.slice(1));
}

/** Krippendorff (2011): coders are rows in the file; returned as units x coders, '' -> null. */
export function krippendorff2011(): (string | null)[][] {
  const coders = rows('krippendorff-reliability-data.csv')
    .slice(1)
    .map((r) => r.slice(1));
  const nUnits = Math.max(...coders.map((c) => c.length));
  return Array.from({ length: nUnits }, (_, u) => coders.map((c) => ((c[u] ?? '') === '' ? null : c[u]!)));
}
