/**
 * Who may run each command that manages a round or changes the study's data: every refusal is
 * E_FORBIDDEN from the command's declared check (named in the log), before execute runs, with a
 * message that says who may, and the database byte for byte as before.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runCommandText } from '../../src/commands/run.js';
import { commands } from '../../src/commands/index.js';
import { testServices, testUser } from '../helpers/dataset.js';

let services: Awaited<ReturnType<typeof testServices>>;
const run = (text: string, user: string) => runCommandText(text, { user: testUser(user), services }, commands);
const STATE = ['rounds', 'round_raters', 'labels', 'label_skips', 'resolutions', 'topic_categories', 'mention_matches'];
const snapshot = () => JSON.stringify(STATE.map((t) => services.db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()));
let topics: number[] = [];

beforeAll(async () => {
  // root is an admin, tina a team member (HFBOT_TEAM); olga owns the round; alice and bob rate it.
  services = await testServices({ HFBOT_ADMINS: 'test:root', HFBOT_TEAM: 'test:tina' });
  expect((await run('/code start name:p size:3 raters:alice,bob purpose:study seed:p', 'olga')).error).toBeUndefined();
  topics = (
    services.db
      .prepare(
        "SELECT topic_id FROM round_topics t JOIN rounds r ON r.id = t.round_id WHERE r.name = 'p' ORDER BY position",
      )
      .all() as { topic_id: number }[]
  ).map((r) => r.topic_id);
  // Topic 1 is revealed (both labelled), so it can be resolved.
  await run(`/code label ${topics[0]} C1 round:p`, 'alice');
  await run(`/code label ${topics[0]} C2 round:p`, 'bob');
  services.db
    .prepare(
      "INSERT INTO mention_matches (topic_id, model_type, matched, sentence, status) VALUES (639, 'opt', 'OPT', 'We tried OPT.', 'pending')",
    )
    .run();
});

/** The command is refused for `user` by `check`, with `text` in the message, and nothing changes. */
async function refused(command: string, user: string, check: string, text: RegExp) {
  const before = snapshot();
  const lines = services.logger.lines.length;
  const r = await run(command, user);
  expect(r.error?.code, `${command} as ${user}`).toBe('E_FORBIDDEN');
  expect(r.text, `${command} as ${user}`).toMatch(text);
  expect(snapshot(), `${command} as ${user} changed the database`).toBe(before);
  const logged = services.logger.lines.slice(lines).find((l) => l.msg === 'command rejected');
  expect(logged?.fields?.check, command).toBe(check);
}

async function allowed(command: string, user: string) {
  const r = await run(command, user);
  expect(r.error?.code, `${command} as ${user}: ${r.text}`).not.toBe('E_FORBIDDEN');
  return r;
}

describe('commands/code permissions (declared checks)', () => {
  it('close, reopen and purpose: the owner or an admin', async () => {
    for (const user of ['alice', 'tina', 'mallory'])
      for (const [cmd, action] of [
        ['/code close p', 'close'],
        ['/code purpose p practice', 'change the purpose of'],
      ] as const)
        await refused(
          cmd,
          user,
          `round manager (${action})`,
          new RegExp(`Only olga \\(the owner of round "p"\\) or an admin can ${action} it`),
        );
    await allowed('/code close p', 'root');
    await refused('/code reopen p', 'bob', 'round manager (reopen)', /Only olga .* can reopen it/);
    await allowed('/code reopen p', 'olga');
    await allowed('/code purpose p practice', 'olga');
    await allowed('/code purpose p study', 'root');
  });

  it('export before close: the owner or an admin; after close every participant and the team', async () => {
    for (const user of ['alice', 'tina', 'mallory'])
      await refused('/code export p', user, 'round exporter', /Round "p" is still open: until it is closed only olga/);
    expect((await allowed('/code export p', 'olga')).files).toHaveLength(1);
    expect((await allowed('/code export p', 'root')).files).toHaveLength(1);
    await run('/code close p', 'olga');
    for (const user of ['alice', 'tina']) expect((await allowed('/code export p', user)).files).toHaveLength(1);
    await refused('/code export p', 'mallory', 'round exporter', /Only the raters, the owner, admins and team members/);
    await run('/code reopen p', 'olga');
  });

  it('resolve: the raters, the owner or an admin', async () => {
    for (const user of ['mallory', 'tina'])
      await refused(
        `/code resolve ${topics[0]} C1 round:p`,
        user,
        'round participant',
        /Only the raters, the owner or an admin/,
      );
    for (const user of ['alice', 'olga', 'root'])
      expect((await allowed(`/code resolve ${topics[0]} C2 round:p`, user)).error).toBeUndefined();
  });

  it('next, label and skip: raters only, each for themselves (not the owner, not an admin)', async () => {
    for (const user of ['olga', 'root', 'mallory']) {
      await refused('/code next p', user, 'round rater', /You are not a rater of round "p"/);
      await refused(`/code label ${topics[1]} C1 round:p`, user, 'round rater', /not a rater/);
      await refused(`/code skip ${topics[1]} round:p`, user, 'round rater', /not a rater/);
    }
    expect((await allowed('/code next p', 'alice')).error).toBeUndefined();
    expect((await allowed(`/code skip ${topics[1]} round:p`, 'bob')).error).toBeUndefined();
  });

  it('status, agreement, disagreements, saturation: participants and the team', async () => {
    for (const cmd of ['/code status p', '/code agreement p', '/code disagreements p', '/code saturation p']) {
      await refused(cmd, 'mallory', 'round viewer', /Only the raters, the owner, admins and team members/);
      for (const user of ['alice', 'olga', 'root', 'tina']) expect((await allowed(cmd, user)).error).toBeUndefined();
    }
  });

  it('/verify: anyone lists; only team members and admins accept or reject', async () => {
    expect((await allowed('/verify', 'mallory')).error).toBeUndefined();
    for (const user of ['alice', 'olga', 'mallory'])
      for (const action of ['accept', 'reject'])
        await refused(
          `/verify ${action} 639:opt`,
          user,
          'verify decision by a team member',
          /Only team members and admins can accept or reject mined matches; you are test:/,
        );
    const decided = await allowed('/verify reject 639:opt', 'tina');
    expect(decided.error).toBeUndefined();
    expect(services.db.prepare('SELECT decided_by FROM mention_matches WHERE topic_id = 639').get()).toEqual({
      decided_by: 'test:tina',
    });
    expect((await allowed('/verify accept 639:opt', 'root')).error).toBeUndefined();
  });

  it('start: anyone, who then owns the round', async () => {
    const r = await allowed('/code start name:mine size:2 raters:x,y', 'mallory');
    expect(r.data.round).toMatchObject({ owner: 'test:mallory', purpose: 'practice' });
    expect((await run('/code close mine', 'mallory')).error).toBeUndefined();
  });
});
