import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The read-only shared material; override with HFBOT_SHARED_DIR. Never copied into the repo. */
export const SHARED = process.env.HFBOT_SHARED_DIR ?? path.resolve(ROOT, '../shared');
export const REPLICATION = path.join(SHARED, 'saner2024');
export const DISCOURSE_FIXTURES = path.join(SHARED, 'fixtures/discourse');
export const AGREEMENT_FIXTURES = path.join(SHARED, 'fixtures/agreement');
