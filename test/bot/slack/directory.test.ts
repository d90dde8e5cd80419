/**
 * The Slack directory against the fake Web API: users.list paged with cursor and limit, Tier 2
 * rate limits answered with 429 + Retry-After (the WebClient waits and retries), deactivated
 * users and bots kept apart, users.info for ids, and the list kept for five minutes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webApi } from '@slack/bolt';
import { slackDirectory } from '../../../src/bot/slack/directory.js';
import { startFakeSlack, type FakeSlack } from '../../helpers/fake-slack.js';
import { WORKSPACE } from '../../helpers/fake-slack-rules.js';

describe('bot/slack/directory', () => {
  let fake: FakeSlack;
  let client: webApi.WebClient;
  let clock = 0;

  beforeAll(async () => {
    const crowd = Array.from({ length: 420 }, (_, i) => ({
      id: `U2${String(i).padStart(6, '0')}`,
      name: `person${i}`,
      real_name: `Person ${i}`,
      display_name: i === 419 ? 'last one' : '',
    }));
    // One users.list call per second: the walk over three pages must wait twice.
    fake = await startFakeSlack({
      users: [...WORKSPACE, ...crowd],
      tiers: { 'users.list': { limit: 1, windowMs: 1000 } },
    });
    client = new webApi.WebClient('xoxb-test', {
      slackApiUrl: fake.apiUrl,
      retryConfig: { retries: 3, factor: 1, minTimeout: 100, maxTimeout: 2000 },
    });
  });
  afterAll(async () => {
    await fake?.close();
  });

  it('walks every page of users.list, waiting out the Tier 2 limit, and finds a name on the last page', async () => {
    const dir = slackDirectory(client, () => clock);
    const found = await dir.search('last one');
    expect(found.exact.map((u) => u.id)).toEqual(['U2000419']);
    const calls = fake.callsTo('users.list');
    // Three pages of 200, 200 and 29; each limited call was retried after Retry-After.
    expect(calls.filter((c) => !c.params.cursor).length).toBeGreaterThanOrEqual(1);
    expect(new Set(calls.map((c) => String(c.params.cursor ?? ''))).size).toBe(3);
    expect(calls.every((c) => Number(c.params.limit) === 200)).toBe(true);
    expect(calls.length).toBeGreaterThan(3);
  });

  it('keeps deactivated users and bots apart, and answers from its copy for five minutes', async () => {
    const dir = slackDirectory(client, () => clock);
    const before = fake.callsTo('users.list').length;
    const dave = await dir.search('dave');
    expect(dave.exact).toEqual([expect.objectContaining({ id: 'U0DAVE9', deleted: true })]);
    const bots = await dir.search('helperbot');
    expect(bots.exact).toEqual([expect.objectContaining({ id: 'U0BOT01', bot: true })]);
    const walked = fake.callsTo('users.list').length;
    expect(walked).toBeGreaterThan(before);
    clock += 4 * 60_000;
    await dir.search('alice');
    expect(fake.callsTo('users.list').length).toBe(walked);
    clock += 2 * 60_000;
    await dir.search('alice');
    expect(fake.callsTo('users.list').length).toBeGreaterThan(walked);
  });

  it('looks ids up with users.info; an unknown id is nobody, not an error', async () => {
    const dir = slackDirectory(client, () => clock);
    expect(await dir.lookup('U0BBB2')).toEqual({
      id: 'U0BBB2',
      name: 'Bob',
      aka: ['@bob.builder', 'Bob Builder', 'U0BBB2'],
    });
    // No display name: Slack shows the real name.
    expect((await dir.lookup('U0CCC3'))?.name).toBe('Carol Danvers');
    expect(await dir.lookup('U0NOBODY')).toBeNull();
    expect(fake.callsTo('users.info').map((c) => c.params.user)).toEqual(['U0BBB2', 'U0CCC3', 'U0NOBODY']);
  });
});
