/** Shared set-up for the miners' tests: a fresh database and a client on a virtual clock. */
import { openDatabase, type Db } from '../../src/data/db.js';
import { PoliteHttp, virtualClock, type HttpOptions } from '../../src/data/miners/http.js';
import { mineForum, type ForumMineOptions } from '../../src/data/miners/forum/mine.js';
import { mineHub, type HubMineOptions } from '../../src/data/miners/hub/mine.js';
import { memoryLogger } from '../../src/logger.js';

export const fresh = (): Db => openDatabase(':memory:', { create: true });

export function testHttp(o: HttpOptions = {}, clock = virtualClock()) {
  return new PoliteHttp({
    requestsPerMinute: 1e9,
    now: clock.now,
    sleep: clock.sleep,
    timeoutMs: 2000,
    backoffBaseMs: 10,
    ...o,
  });
}

export const mineF = (db: Db, baseUrl: string, extra: Partial<ForumMineOptions> = {}) =>
  mineForum({
    db,
    http: testHttp(),
    baseUrl,
    logger: memoryLogger(),
    now: () => new Date('2026-11-22T12:00:00Z'),
    ...extra,
  });

export const mineH = (db: Db, baseUrl: string, extra: Partial<HubMineOptions> = {}) =>
  mineHub({
    db,
    http: testHttp(),
    baseUrl,
    logger: memoryLogger(),
    now: () => new Date('2026-11-22T12:00:00Z'),
    pageSize: 1000,
    batchRows: 2000,
    ...extra,
  });

export const count = (db: Db, sql: string, ...params: unknown[]) =>
  db
    .prepare(sql)
    .pluck()
    .get(...params) as number;
