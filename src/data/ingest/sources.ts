/**
 * Where the replication package comes from: --from DIR, else HFBOT_REPLICATION_DIR, else
 * ../shared/saner2024 beside the project, else a download from the public repository into
 * a cache under data/. The files are read in place and never copied into the repository.
 */
import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HfbotError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { msg } from '../../messages/index.js';

export const REPLICATION_FILES = [
  'Challenges.csv',
  'Benefits.csv',
  'Codebook.xlsx',
  'All_Codes.csv',
  'Root_Causes.csv',
  'Forums_Model_Mentions_Over_Time.csv',
  'Hub_Model_Types_Over_Time_Created.csv',
  'card_data_stats_months_created.csv',
] as const;

export type SourceKind = 'flag' | 'env' | 'shared' | 'download';

/** The project root: src/data/ingest and dist/data/ingest are both three levels down. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface ResolveOptions {
  from?: string;
  env?: string;
  sharedDir?: string;
  downloadUrl: string;
  cacheDir?: string;
  logger: Logger;
  fetchImpl?: typeof fetch;
}

export async function resolveSource(o: ResolveOptions): Promise<{ dir: string; kind: SourceKind }> {
  if (o.from) return { dir: path.resolve(o.from), kind: 'flag' };
  if (o.env) return { dir: path.resolve(o.env), kind: 'env' };
  const shared = o.sharedDir ?? path.resolve(PROJECT_ROOT, '../shared/saner2024');
  if (existsSync(shared)) return { dir: shared, kind: 'shared' };
  const cache = o.cacheDir ?? path.join(PROJECT_ROOT, 'data/cache/replication');
  await downloadPackage(o.downloadUrl, cache, o.logger, o.fetchImpl ?? fetch);
  return { dir: cache, kind: 'download' };
}

/** Downloads each missing file into `cacheDir` (write to a temp name, then rename). */
export async function downloadPackage(
  baseUrl: string,
  cacheDir: string,
  logger: Logger,
  fetchImpl: typeof fetch,
): Promise<void> {
  mkdirSync(cacheDir, { recursive: true });
  for (const file of REPLICATION_FILES) {
    const target = path.join(cacheDir, file);
    if (existsSync(target) && statSync(target).size > 0) continue;
    const url = `${baseUrl.replace(/\/$/, '')}/${encodeURIComponent(file)}`;
    logger.info('downloading replication file', { file, url });
    let res: Response;
    try {
      res = await fetchImpl(url, { signal: AbortSignal.timeout(60_000) });
    } catch (err) {
      throw new HfbotError('E_NETWORK', msg.ingest.download(file, url, (err as Error).message), {
        hint: msg.ingest.sourceHint,
        cause: err,
      });
    }
    if (!res.ok)
      throw new HfbotError('E_NETWORK', msg.ingest.download(file, url, `HTTP ${res.status}`), {
        hint: msg.ingest.sourceHint,
      });
    const body = Buffer.from(await res.arrayBuffer());
    if (body.length === 0)
      throw new HfbotError('E_NETWORK', msg.ingest.download(file, url, 'empty body'), { hint: msg.ingest.sourceHint });
    const tmp = `${target}.part`;
    writeFileSync(tmp, body);
    renameSync(tmp, target);
  }
}
