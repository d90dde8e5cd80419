import { beforeAll, describe, expect, it } from 'vitest';
import { createPipeline } from '../../src/commands/pipeline.js';
import { createRateLimiter } from '../../src/commands/checks/rate-limit.js';
import { opt } from '../../src/commands/options.js';
import { defineCommand, type Check, type Command, type Services } from '../../src/commands/types.js';
import { commands } from '../../src/commands/index.js';
import { HfbotError } from '../../src/errors.js';
import { testServices, testUser } from '../helpers/dataset.js';

describe('commands/pipeline', () => {
  let services: Awaited<ReturnType<typeof testServices>>;
  beforeAll(async () => {
    services = await testServices();
  });

  /** A registry whose command records what ran, guarded by two declared checks. */
  function guarded(allow: (user: string) => boolean) {
    const seen: string[] = [];
    const first: Check = {
      name: 'first',
      run(ctx) {
        seen.push('first');
        ctx.state.round = { id: 7, name: 'r7', owner: 'olga' } as never;
      },
    };
    const second: Check = {
      name: 'members only',
      run(ctx) {
        seen.push(`second saw ${ctx.state.round?.name}`);
        if (!allow(ctx.user.id)) throw new HfbotError('E_FORBIDDEN', `Only members may ask, ${ctx.user.id}.`);
      },
    };
    const cmd = defineCommand({
      definition: {
        name: 'guarded',
        description: 'checked',
        options: { n: opt.integer({ description: 'n', positional: true, required: true, min: 1 }) },
        checks: [first, second],
      },
      execute(ctx) {
        seen.push(`execute ${ctx.args.n} in ${ctx.state.round?.name}`);
        return { text: 'ran', data: { registry: ctx.commands.length }, provenance: null };
      },
    });
    return { seen, registry: [cmd] as unknown as Command[] };
  }

  it('runs the declared checks in order before execute, and execute reads what they stored', async () => {
    const { seen, registry } = guarded(() => true);
    const p = createPipeline({ services, commands: registry });
    const r = await p.run({ text: '/guarded 3' }, { user: testUser('ann') });
    expect(r.text).toBe('ran');
    expect(r.data.registry).toBe(1);
    expect(seen).toEqual(['first', 'second saw r7', 'execute 3 in r7']);
  });

  it('a refusing check stops the command before execute, with its own specific error', async () => {
    const { seen, registry } = guarded((u) => u !== 'eve');
    const r = await createPipeline({ services, commands: registry }).run(
      { text: '/guarded 3' },
      { user: testUser('eve') },
    );
    expect(r).toMatchObject({ ephemeral: true, error: { code: 'E_FORBIDDEN' }, text: 'Only members may ask, eve.' });
    expect(seen).toEqual(['first', 'second saw r7']);
    const logged = services.logger.lines.find((l) => l.msg === 'command rejected' && l.fields?.user === 'eve');
    expect(logged?.fields).toMatchObject({ check: 'members only', code: 'E_FORBIDDEN' });
  });

  it('bad input is refused by prepare, before any check or execute, without deferring', async () => {
    const { seen, registry } = guarded(() => true);
    const p = createPipeline({ services, commands: registry }).prepare({ text: '/guarded zero' }, { user: testUser() });
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.reply.error?.code).toBe('E_BAD_VALUE');
    expect(seen).toEqual([]);
  });

  it('typed options (Discord) go through the same validation and checks', async () => {
    const { seen, registry } = guarded(() => true);
    const p = createPipeline({ services, commands: registry });
    const bad = p.prepare({ command: registry[0]!, args: { n: 0 }, raw: '/guarded n:0' }, { user: testUser() });
    expect(bad.ok).toBe(false);
    const good = p.prepare({ command: registry[0]!, args: { n: 5 }, raw: '/guarded n:5' }, { user: testUser() });
    expect(good.ok && (await good.run()).text).toBe('ran');
    expect(seen).toEqual(['first', 'second saw r7', 'execute 5 in r7']);
  });

  it('rate-limits per user and platform before parsing, and says when to retry', async () => {
    const { seen, registry } = guarded(() => true);
    let t = 0;
    const limiter = createRateLimiter({ limit: 2, windowMs: 60_000, now: () => t });
    const p = createPipeline({ services, commands: registry, limiter });
    const ann = { user: testUser('ann') };
    expect((await p.run({ text: '/guarded 1' }, ann)).text).toBe('ran');
    t = 15_000;
    expect((await p.run({ text: '/guarded 2' }, ann)).text).toBe('ran');
    t = 20_000;
    // Even bad input counts and is refused for the rate, not parsed.
    const third = p.prepare({ text: '/no-such-command' }, ann);
    expect(third).toMatchObject({ ok: false, retryAfterSeconds: 40, reply: { error: { code: 'E_RATE_LIMITED' } } });
    expect(third.ok ? '' : third.reply.text).toBe('You are sending commands quickly; please wait 40 s and try again.');
    // The same id on another platform is another person.
    const web = { user: { id: 'ann', platform: 'web' as const } };
    expect((await p.run({ text: '/guarded 3' }, web)).text).toBe('ran');
    expect(seen.filter((s) => s.startsWith('execute'))).toHaveLength(3);
  });

  it('/help lists the registry it runs under, including a command that is not in the global one', async () => {
    const extra = defineCommand({
      definition: { name: 'zebra', description: 'Only in this registry', options: {} },
      execute: () => ({ text: 'z', data: {}, provenance: null }),
    }) as unknown as Command;
    const p = createPipeline({ services: services as Services, commands: [...commands, extra] });
    const all = await p.run({ text: '/help' }, { user: testUser() });
    expect(all.text).toContain('/zebra - Only in this registry');
    expect(all.data.commands).toContain('zebra');
    const one = await p.run({ text: '/help zebra' }, { user: testUser() });
    expect(one.text).toMatch(/^\/zebra - Only in this registry\nUsage: \/zebra$/);
    const global = await createPipeline({ services, commands }).run({ text: '/help' }, { user: testUser() });
    expect(global.text).not.toContain('zebra');
    expect(
      (await createPipeline({ services, commands }).run({ text: '/help zebra' }, { user: testUser() })).error?.code,
    ).toBe('E_UNKNOWN_COMMAND');
  });
});
