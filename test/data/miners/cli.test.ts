import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/data/db.js';
import { main } from '../../../src/bot/cli/main.js';
import type { CliIo } from '../../../src/bot/cli/io.js';
import { buildTestDataset, tempDir } from '../../helpers/dataset.js';
import { generateTopics, startFakeDiscourse, type FakeDiscourse } from '../../helpers/fake-discourse.js';
import { startFakeHub, type FakeHub } from '../../helpers/fake-hub.js';
import { startFakeSlack, type FakeSlack } from '../../helpers/fake-slack.js';

function capture(env: Record<string, string>): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    out: (s) => void stdout.push(s),
    err: (s) => void stderr.push(s),
    env: { HFBOT_LOG_FORMAT: 'pretty', ...env },
    cwd: tempDir(),
    stdout,
    stderr,
  };
}

describe('bot/cli mine and refresh', () => {
  let fd: FakeDiscourse;
  let hub: FakeHub;
  let slack: FakeSlack;
  let db: string;
  beforeAll(async () => {
    [fd, hub, slack, db] = await Promise.all([
      startFakeDiscourse(generateTopics(60, 3)),
      startFakeHub(3000),
      startFakeSlack(),
      buildTestDataset(),
    ]);
  });
  afterAll(async () => {
    await Promise.all([fd.close(), hub.close(), slack.close()]);
  });

  it('mine forum / hub print what they did, log progress lines off a terminal, and recompute source:mined', async () => {
    const io = capture({ HFBOT_DB: db });
    expect(await main(['mine', 'forum', '--base-url', fd.base, '--rate', '6000'], io)).toBe(0);
    expect(io.stdout[0]).toBe(
      `Forum: 60 new and 0 changed topics from 2 pages; ${2 + 60 + 2 + 1} requests (2 extra post chunks).`,
    );
    expect(io.stdout[1]).toMatch(/^Mined statistics mined-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}: \d+ forum mentions/);
    expect(io.stderr.some((l) => /forum: pages \d+, new \d+.*% done/.test(l))).toBe(true);
    expect(await main(['mine', 'hub', '--base-url', hub.base, '--rate', '6000'], io)).toBe(0);
    expect(io.stdout[2]).toBe('Hub: 3000 models read (3000 new) from 3 pages; 3 requests.');
    const conn = openDatabase(db, { readonly: true }); // mined rows are in the attached mined file
    expect(conn.prepare("SELECT count(*) FROM hub_uploads WHERE source = 'mined'").pluck().get()).toBeGreaterThan(0);
    conn.close();
  });

  it('rejects a bad option with what was expected', async () => {
    const io = capture({ HFBOT_DB: db });
    expect(await main(['mine', 'forum', '--since', 'yesterday'], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('--since: expected a date as YYYY-MM-DD; got "yesterday".');
    expect(await main(['mine', 'nothing'], io)).toBe(2);
    expect(await main(['mine', '--help'], io)).toBe(0);
    expect(io.stdout.join('\n')).toContain('hfbot mine forum [--base-url URL] [--since DATE]');
  });

  it('refresh mines only what is new, recomputes, and posts the summary with its chart to Slack', async () => {
    fd.addTopic('LLaMA-2 fine-tuning runs out of memory', 'I use llama 2 with peft', '2023-07-02T10:00:00.000Z');
    hub.addModels(250);
    const io = capture({
      HFBOT_DB: db,
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: 's',
      SLACK_API_URL: slack.apiUrl,
      SLACK_ANNOUNCE_CHANNEL: 'C123',
    });
    const code = await main(['refresh', '--forum-url', fd.base, '--hub-url', hub.base, '--rate', '6000'], io);
    expect(io.stderr.filter((l) => /error/.test(l))).toEqual([]);
    expect(code).toBe(0);
    const text = io.stdout.join('\n');
    expect(text).toContain('Forum: +1 new topics, 0 changed (61 in all). Hub: +250 new models (3,250 in all).');
    expect(text).toMatch(/Model cards: \d+\.\d% of 3,250 models have one \(was \d+\.\d%\)\./);
    const post = await slack.waitFor(
      () => slack.callsTo('chat.postMessage')[0] ?? slack.callsTo('files.completeUploadExternal')[0],
    );
    expect(JSON.stringify(post.params)).toContain('+250 new models');
    expect(io.stderr.join('\n')).toContain('announce slack: posted');
  });
});
