import { beforeAll, describe, expect, it } from 'vitest';
import { runCommandText } from '../../../src/commands/run.js';
import { commands } from '../../../src/commands/index.js';
import type { DirectoryUser, UserDirectory } from '../../../src/commands/directory.js';
import type { Platform } from '../../../src/identity.js';
import { testServices } from '../../helpers/dataset.js';

let services: Awaited<ReturnType<typeof testServices>>;

/** A platform directory over a fixed list, counting its calls. */
function directory(users: DirectoryUser[]): UserDirectory & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async lookup(id) {
      calls.push(`lookup ${id}`);
      return users.find((u) => u.id === id) ?? null;
    },
    async search(name) {
      calls.push(`search ${name}`);
      const q = name.toLowerCase();
      return {
        exact: users.filter((u) => [u.name, ...(u.aka ?? [])].some((n) => n.toLowerCase().replace(/^@/, '') === q)),
        similar: users.filter((u) => u.name.toLowerCase().startsWith(q.slice(0, 2))),
      };
    },
  };
}

const PEOPLE: DirectoryUser[] = [
  { id: 'U0AAA1', name: 'alice', aka: ['@alice', 'U0AAA1'] },
  { id: 'U0BBB2', name: 'Bob', aka: ['@bob.builder', 'U0BBB2'] },
  { id: 'U0SAM01', name: 'sam', aka: ['@sam.green', 'U0SAM01'] },
  { id: 'U0SAM02', name: 'sam', aka: ['@sam.brown', 'U0SAM02'] },
  { id: 'U0DEL', name: 'dave', deleted: true },
  { id: 'U0BOT', name: 'helper', bot: true },
];

const run = (text: string, user: string, platform: Platform, dir?: UserDirectory) =>
  runCommandText(text, { user: { id: user, platform }, services, ...(dir ? { directory: dir } : {}) }, commands);
const roundRaters = (name: string) =>
  (
    services.db
      .prepare('SELECT rater FROM round_raters r JOIN rounds x ON x.id = r.round_id WHERE x.name = ? ORDER BY rater')
      .all(name) as { rater: string }[]
  ).map((r) => r.rater);

beforeAll(async () => {
  services = await testServices();
});

describe('commands/checks/raters', () => {
  it('stores platform ids and shows display names: mentions and unique names resolve', async () => {
    const dir = directory(PEOPLE);
    const r = await run('/code start name:ok size:2 raters:<@U0AAA1>,@bob.builder', 'U0OLGA', 'slack', dir);
    expect(r.error).toBeUndefined();
    expect(roundRaters('ok')).toEqual(['slack:U0AAA1', 'slack:U0BBB2']);
    expect(r.data.round).toMatchObject({ raters: ['alice', 'Bob'], raterIds: ['slack:U0AAA1', 'slack:U0BBB2'] });
    expect(r.text).toContain('raters alice, Bob');
  });

  it('fails at start, never later, listing every problem with candidates; nothing is written', async () => {
    const dir = directory(PEOPLE);
    const before = services.db.prepare('SELECT count(*) AS n FROM rounds').get();
    const r = await run(
      '/code start name:no size:2 raters:@sam,<@U0NONE>,<@U0DEL>,<@U0BOT>,discord:80351110224678912,@zz',
      'U0OLGA',
      'slack',
      dir,
    );
    expect(r.error?.code).toBe('E_BAD_VALUE');
    expect(r.text).toContain('6 raters could not be found');
    expect(r.text).toContain('"@sam" could be 2 people: sam (@sam.green, U0SAM01), sam (@sam.brown, U0SAM02)');
    expect(r.text).toContain('<@U0NONE> is no user of this Slack workspace');
    expect(r.text).toContain('<@U0DEL> (dave) is deactivated');
    expect(r.text).toContain('<@U0BOT> (helper) is a bot');
    expect(r.text).toContain(
      "discord:80351110224678912 is not a user of Slack; a round's raters code where it was started",
    );
    expect(r.text).toContain('"@zz" is nobody on Slack');
    expect(r.text).toContain('Mention them: raters:@alice,@bob');
    expect(services.db.prepare('SELECT count(*) AS n FROM rounds').get()).toEqual(before);
  });

  it('needs at least one rater, from raters or rater1..rater3', async () => {
    const r = await run('/code start name:none size:2', 'U0OLGA', 'slack', directory(PEOPLE));
    expect(r.error?.code).toBe('E_MISSING_OPTION');
    expect(r.text).toContain('needs raters');
    const one = await run('/code start name:single size:2 rater2:<@U0AAA1>', 'U0OLGA', 'slack', directory(PEOPLE));
    expect(one.error).toBeUndefined();
    expect(roundRaters('single')).toEqual(['slack:U0AAA1']);
  });

  it('in the web chat a typed name is its own identity (web:), and Slack or Discord mentions are refused', async () => {
    const r = await run('/code start name:webby size:2 raters:alice,U0AAA1', 'olga', 'web');
    expect(r.error).toBeUndefined();
    // "U0AAA1" typed in the web chat is the web user of that name, not the Slack user.
    expect(roundRaters('webby')).toEqual(['web:U0AAA1', 'web:alice']);
    const m = await run('/code start name:webm size:2 raters:<@U0AAA1>', 'olga', 'web');
    expect(m.error?.code).toBe('E_BAD_VALUE');
    expect(m.text).toContain('in this chat raters are typed names');
    const x = await run('/code start name:webx size:2 raters:slack:U0AAA1', 'olga', 'web');
    expect(x.text).toContain('slack:U0AAA1 is not a user of the web chat');
  });

  it('a directory failure (network, missing scope) is a clear error, not a crash', async () => {
    const broken: UserDirectory = {
      lookup: async () => {
        throw new Error('An API error occurred: missing_scope');
      },
      search: async () => ({ exact: [], similar: [] }),
    };
    const r = await run('/code start name:broken size:2 raters:<@U0AAA1>', 'U0OLGA', 'slack', broken);
    expect(r.error?.code).toBe('E_NETWORK');
    expect(r.text).toBe('Could not look up users on Slack: An API error occurred: missing_scope.');
  });
});
