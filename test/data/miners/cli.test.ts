import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
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

  it('mine forum / hub print the plan, what they did, progress lines off a terminal, and recompute source:mined', async () => {
    const io = capture({ HFBOT_DB: db });
    expect(await main(['mine', 'forum', '--base-url', fd.base, '--rate', '6000'], io)).toBe(0);
    const posts = [...fd.topics.values()].reduce(
      (n, t) => n + t.posts.filter((p) => (p.post_type ?? 1) === 1).length,
      0,
    );
    const all = [...fd.topics.values()].reduce((n, t) => n + t.posts.length, 0);
    const postPages = Math.floor(posts / 50) + 1;
    // The first run is a full crawl: the plan comes first, from /about.json.
    // Two full listing pages and the empty third (Discourse shows more_topics_url on a full page).
    const allPages = Math.floor(all / 50) + 1;
    expect(io.stdout[0]).toBe(
      `Plan for a full crawl of ${fd.base}: the forum reports 60 topics and ${all} posts: about ${1 + 3 + allPages + 1} requests (3 listing pages of 30 topics, ${allPages} /posts.json pages of 50 posts), 1 s at 6,000 requests a minute. A forum without /posts.json takes about 66 (1 s).`,
    );
    expect(io.stdout[1]).toBe(
      `Forum (full run): 60 new and 0 changed topics, ${posts} new and 0 edited posts, 0 topics and 0 posts gone; ${1 + 3 + postPages + 1} requests (3 listing pages, ${postPages} /posts.json pages, 0 topics read whole). Complete.`,
    );
    expect(io.stdout[2]).toMatch(/^Mined statistics mined-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}: \d+ forum mentions/);
    expect(io.stderr.some((l) => /forum: (listing|posts|fetch|check|done), pages \d+.*% done/.test(l))).toBe(true);
    expect(await main(['mine', 'hub', '--base-url', hub.base, '--rate', '6000'], io)).toBe(0);
    expect(io.stdout[3]).toBe(
      'Plan for a full Hub run: /api/models in pages of 1,000 models, one request each: about 6,000,000 models a minute at 6,000 requests a minute (the Hub does not say how many it lists).',
    );
    expect(io.stdout[4]).toBe('Hub: 3,000 models read (3,000 new) from 3 pages; 3 requests. Complete.');
    const conn = new Database(db, { readonly: true });
    expect(conn.prepare("SELECT count(*) FROM hub_uploads WHERE source = 'mined'").pluck().get()).toBeGreaterThan(0);
    conn.close();
  });

  it('a refused source fails the run (exit 1, URL and status); a run that skipped a page exits 3 and says it is partial', async () => {
    const locked = await startFakeDiscourse(generateTopics(10), { loginRequired: true });
    const guarded = await startFakeHub(2500, { token: 'hf_good' });
    try {
      const io = capture({ HFBOT_DB: await buildTestDataset(), HF_TOKEN: 'hf_bad' });
      expect(await main(['mine', 'forum', '--base-url', locked.base, '--rate', '6000'], io)).toBe(1);
      expect(io.stderr.join('\n')).toContain(
        `Forum mining FAILED, the run is not complete: The forum refused ${locked.base}/latest.json?page=0: HTTP 403, the forum asks for a login (error_type not_logged_in). The run failed.`,
      );
      expect(await main(['mine', 'hub', '--base-url', guarded.base, '--rate', '6000'], io)).toBe(1);
      expect(io.stderr.join('\n')).toMatch(
        /Hub mining FAILED, the run is not complete: The Hub refused .*: HTTP 401 \(Invalid credentials in Authorization header\)\. Nothing was mined; the run failed\. HF_TOKEN is not accepted/,
      );
      expect(io.stdout.join('\n')).not.toMatch(/0 models read|Complete\./);
      const ok = capture({ HFBOT_DB: await buildTestDataset(), HF_TOKEN: 'hf_good' });
      // Half of the second page (its Link header intact): skipped, and the run goes on to the third.
      guarded.inject({ kind: 'badjson', match: (p) => p.includes('cursor=') });
      expect(await main(['mine', 'hub', '--base-url', guarded.base, '--rate', '6000'], ok)).toBe(3);
      const out = ok.stdout.join('\n');
      expect(out).toContain('Hub: 1,500 models read (1,500 new) from 3 pages; 3 requests.');
      expect(out).toContain(
        'PARTIAL run, not complete: 1 page of up to 1,000 models skipped; the next run reads them again.',
      );
      expect(out).not.toContain('Complete.');
    } finally {
      await Promise.all([locked.close(), guarded.close()]);
    }
  });

  it('shows a rate-limit wait on the progress line', async () => {
    // Two requests per 2-second window: the second answer says r=0, so the miner waits for the reset.
    const limited = await startFakeHub(2500, { rateLimit: { max: 2, windowMs: 2000 } });
    try {
      const io = capture({ HFBOT_DB: await buildTestDataset() });
      expect(await main(['mine', 'hub', '--base-url', limited.base, '--rate', '6000'], io)).toBe(0);
      expect(io.stderr.join('\n')).toMatch(
        /hub: waiting \d s before asking again \(the rate-limit window is spent; waiting for it to reset\) — http:\/\/127\.0\.0\.1:\d+\/api\/models\?/,
      );
    } finally {
      await limited.close();
    }
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

  it('refresh with a bad HF_TOKEN: the forum is mined, the Hub is announced as FAILED with its reason, exit 1', async () => {
    const guarded = await startFakeHub(1500, { token: 'hf_good' });
    const forum = await startFakeDiscourse(generateTopics(12, 5));
    try {
      const file = await buildTestDataset();
      const io = capture({
        HFBOT_DB: file,
        HF_TOKEN: 'hf_bad',
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: 's',
        SLACK_API_URL: slack.apiUrl,
        SLACK_ANNOUNCE_CHANNEL: 'C123',
      });
      const before = slack.calls.length;
      const code = await main(['refresh', '--forum-url', forum.base, '--hub-url', guarded.base, '--rate', '6000'], io);
      expect(code).toBe(1);
      const text = io.stdout.join('\n');
      expect(text).toContain('Forum: +12 new topics, 0 changed (12 in all). Hub: FAILED, see below (0 in all).');
      expect(text).toMatch(
        /Hub mining stopped: The Hub refused http:\/\/127\.0\.0\.1:\d+\/api\/models\?.*: HTTP 401 \(Invalid credentials in Authorization header\)/,
      );
      expect(text).not.toMatch(/0 models read|\+0 new models/);
      // One request to the Hub, then the run stopped: no retries of a refused token.
      expect(guarded.requests).toHaveLength(1);
      const conn = new Database(file, { readonly: true });
      expect(conn.prepare('SELECT count(*) FROM forum_topics').pluck().get()).toBe(12);
      expect(conn.prepare('SELECT count(*) FROM hub_models').pluck().get()).toBe(0);
      expect(conn.prepare('SELECT last_finished_at FROM hub_checkpoint').pluck().get() ?? null).toBeNull();
      conn.close();
      const post = await slack.waitFor(() =>
        slack.calls
          .slice(before)
          .find((c) => c.method === 'chat.postMessage' || c.method === 'files.completeUploadExternal'),
      );
      expect(JSON.stringify(post.params)).toContain('Hub: FAILED');
    } finally {
      await Promise.all([guarded.close(), forum.close()]);
    }
  });

  it('refresh announces a run that skipped a page as PARTIAL, not complete, and exits 3', async () => {
    const flaky = await startFakeHub(2500);
    flaky.inject({ kind: 'badjson', match: (p) => p.includes('cursor=') });
    try {
      const io = capture({
        HFBOT_DB: await buildTestDataset(),
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: 's',
        SLACK_API_URL: slack.apiUrl,
        SLACK_ANNOUNCE_CHANNEL: 'C123',
      });
      const before = slack.calls.length;
      const code = await main(['refresh', '--skip-forum', '--hub-url', flaky.base, '--rate', '6000'], io);
      expect(code).toBe(3);
      const line =
        'Hub: +1,500 new models (1,500 in all) — PARTIAL, not complete: 1 page skipped; the next refresh reads them again.';
      expect(io.stdout.join('\n')).toContain(line);
      const post = await slack.waitFor(() =>
        slack.calls
          .slice(before)
          .find((c) => c.method === 'chat.postMessage' || c.method === 'files.completeUploadExternal'),
      );
      expect(JSON.stringify(post.params)).toContain('PARTIAL, not complete');
      expect(JSON.stringify(post.params)).not.toContain('+2,500');
    } finally {
      await flaky.close();
    }
  });
});
