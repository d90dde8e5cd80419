import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { resolveSource, REPLICATION_FILES } from '../../../src/data/ingest/sources.js';
import { buildDataset } from '../../../src/data/ingest/build.js';
import { memoryLogger, silentLogger } from '../../../src/logger.js';
import { REPLICATION } from '../../helpers/paths.js';
import { tempDir } from '../../helpers/dataset.js';

/** A stand-in for the public repository's raw file host, serving the shared package on loopback. */
function fakeRepository(missing: string[] = []): Promise<{ server: Server; url: string; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const name = decodeURIComponent((req.url ?? '').replace(/^\/repo\/Replication%20Package\//, ''));
    if (!REPLICATION_FILES.includes(name as never) || missing.includes(name)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200).end(readFileSync(path.join(REPLICATION, name)));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${port}/repo/Replication%20Package`, requests });
    }),
  );
}

describe('data/ingest/sources', () => {
  let repo: Awaited<ReturnType<typeof fakeRepository>>;
  beforeAll(async () => {
    repo = await fakeRepository();
  });
  afterAll(() => new Promise<void>((r) => repo.server.close(() => r())));

  it('prefers --from, then HFBOT_REPLICATION_DIR, then ../shared/saner2024', async () => {
    const base = { downloadUrl: 'http://127.0.0.1:9/unused', logger: silentLogger };
    expect(await resolveSource({ ...base, from: '/x/from', env: '/x/env' })).toEqual({ dir: '/x/from', kind: 'flag' });
    expect(await resolveSource({ ...base, env: '/x/env' })).toEqual({ dir: '/x/env', kind: 'env' });
    expect(await resolveSource({ ...base, sharedDir: REPLICATION })).toEqual({ dir: REPLICATION, kind: 'shared' });
  });

  it('downloads the package into the cache when nothing local exists, and builds from it', async () => {
    const cacheDir = path.join(tempDir(), 'cache');
    const logger = memoryLogger();
    const source = await resolveSource({ sharedDir: '/nonexistent/shared', downloadUrl: repo.url, cacheDir, logger });
    expect(source).toEqual({ dir: cacheDir, kind: 'download' });
    for (const f of REPLICATION_FILES)
      expect(readFileSync(path.join(cacheDir, f)).equals(readFileSync(path.join(REPLICATION, f)))).toBe(true);
    expect(repo.requests).toContain('/repo/Replication%20Package/Hub_Model_Types_Over_Time_Created.csv');
    const built = await buildDataset({
      sourceDir: source.dir,
      sourceKind: source.kind,
      dbFile: path.join(tempDir(), 'db.sqlite'),
      logger,
    });
    expect(built.version).toMatch(/^saner2024-/);

    // A second resolution uses the cache and makes no request.
    const before = repo.requests.length;
    await resolveSource({ sharedDir: '/nonexistent/shared', downloadUrl: repo.url, cacheDir, logger });
    expect(repo.requests.length).toBe(before);
  });

  it('names the file and the status when a download fails, leaving no partial file', async () => {
    const broken = await fakeRepository(['Root_Causes.csv']);
    const cacheDir = path.join(tempDir(), 'cache');
    try {
      await expect(
        resolveSource({ sharedDir: '/nonexistent', downloadUrl: broken.url, cacheDir, logger: silentLogger }),
      ).rejects.toThrow(
        /Downloading Root_Causes\.csv from http:\/\/127\.0\.0\.1:\d+\/repo\/Replication%20Package\/Root_Causes\.csv failed: HTTP 404/,
      );
      expect(existsSync(path.join(cacheDir, 'Root_Causes.csv'))).toBe(false);
      expect(existsSync(path.join(cacheDir, 'Root_Causes.csv.part'))).toBe(false);
    } finally {
      await new Promise<void>((r) => broken.server.close(() => r()));
    }
  });
});
