import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScheduler } from '../../../src/bot/scheduler.js';
import type { HfbotError } from '../../../src/errors.js';
import { testServices } from '../../helpers/dataset.js';
import { generateTopics, startFakeDiscourse, type FakeDiscourse } from '../../helpers/fake-discourse.js';
import { startFakeHub, type FakeHub } from '../../helpers/fake-hub.js';

describe('bot/scheduler', () => {
  let fd: FakeDiscourse;
  let hub: FakeHub;
  beforeAll(async () => {
    [fd, hub] = await Promise.all([startFakeDiscourse(generateTopics(20, 5)), startFakeHub(1500)]);
  });
  afterAll(async () => {
    await Promise.all([fd.close(), hub.close()]);
  });

  it('is not started without HFBOT_REFRESH_CRON', async () => {
    const services = await testServices();
    expect(await startScheduler(services, {})).toBeNull();
    services.db.close();
  });

  it('says what is wrong with a bad schedule', async () => {
    const services = await testServices({ HFBOT_REFRESH_CRON: 'every day' });
    const err = (await startScheduler(services, {}).catch((e: unknown) => e)) as HfbotError;
    expect(err.code).toBe('E_CONFIG');
    expect(err.userMessage()).toContain('HFBOT_REFRESH_CRON is not a schedule: "every day"');
    services.db.close();
  });

  it('runs refresh on the schedule and stops cleanly', async () => {
    const services = await testServices({
      HFBOT_REFRESH_CRON: '* * * * * *',
      HFBOT_FORUM_URL: fd.base,
      HFBOT_HUB_URL: hub.base,
      HFBOT_MINE_RATE_PER_MINUTE: '6000',
    });
    services.db.pragma('synchronous = OFF');
    const sched = await startScheduler(services, {});
    expect(sched?.name).toBe('scheduler');
    const deadline = Date.now() + 40_000; // the refresh runs on a worker thread, which loads its own modules first
    while (Date.now() < deadline && !services.logger.lines.some((l) => l.msg === 'scheduler: refresh done'))
      await new Promise((r) => setTimeout(r, 50));
    await sched!.close();
    expect(services.logger.lines.find((l) => l.msg === 'scheduler: refresh done')?.fields).toMatchObject({
      run: 1,
      failures: 0,
    });
    expect(services.db.prepare('SELECT count(*) FROM forum_topics').pluck().get()).toBe(20);
    expect(services.db.prepare('SELECT count(*) FROM hub_models').pluck().get()).toBe(1500);
    // Without a configured channel, announce logs that it skipped; nothing is posted.
    expect(services.logger.lines.some((l) => /announce: (discord|slack) skipped/.test(l.msg))).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    services.db.close();
  }, 60_000);
});
