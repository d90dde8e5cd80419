import { describe, expect, it, beforeAll } from 'vitest';
import { runCommandText } from '../../src/commands/run.js';
import { defineCommand, type Command, type Services } from '../../src/commands/types.js';
import { HfbotError } from '../../src/errors.js';
import { testServices, testUser } from '../helpers/dataset.js';
import { commands } from '../../src/commands/index.js';

const reply = { text: 'ok', data: {}, provenance: null };
const registry = [
  defineCommand({
    definition: { name: 'boom', description: 'throws a bug', options: {} },
    execute: () => {
      throw new TypeError('undefined is not a function');
    },
  }),
  defineCommand({
    definition: { name: 'nope', description: 'user error', options: {} },
    execute: () => {
      throw new HfbotError('E_NOT_FOUND', 'No such topic 99.', { hint: 'Try /examples C1.' });
    },
  }),
  defineCommand({
    definition: { name: 'slow', description: 'never ends', options: {} },
    execute: () => new Promise(() => undefined),
  }),
  defineCommand({ definition: { name: 'fine', description: 'ok', options: {} }, execute: () => reply }),
] as unknown as Command[];

describe('commands/run', () => {
  let services: Awaited<ReturnType<typeof testServices>>;
  beforeAll(async () => {
    services = await testServices();
  });

  it('returns the command reply', async () => {
    expect(await runCommandText('/fine', { user: testUser(), services }, registry)).toBe(reply);
  });

  it('turns a user error into a specific ephemeral reply with its code', async () => {
    const r = await runCommandText('/nope', { user: testUser(), services }, registry);
    expect(r).toMatchObject({
      ephemeral: true,
      text: 'No such topic 99. Try /examples C1.',
      error: { code: 'E_NOT_FOUND' },
    });
  });

  it('answers a crashing command with a generic message and logs the real error', async () => {
    const r = await runCommandText('/boom', { user: testUser('u1'), services }, registry);
    expect(r.error?.code).toBe('E_INTERNAL');
    expect(r.text).toMatch(/Something went wrong on our side/);
    expect(r.text).not.toMatch(/undefined is not a function/);
    const logged = services.logger.lines.find((l) => l.msg === 'command failed');
    expect((logged?.fields?.err as Error | undefined)?.message).toBe('undefined is not a function');
  });

  it('answers a command that never finishes once the timeout passes', async () => {
    const r = await runCommandText('/slow', { user: testUser(), services, timeoutMs: 50 }, registry);
    expect(r).toMatchObject({
      error: { code: 'E_TIMEOUT' },
      text: '/slow took longer than 50 ms and was stopped. Please try again.',
    });
  });

  it('answers /dataset from the real registry with provenance', async () => {
    const r = await runCommandText('/dataset', { user: testUser(), services: services as Services }, commands);
    expect(r.error).toBeUndefined();
    expect(r.text).toMatch(/455 coded topics, 1183 low-level codes, 72 root causes/);
    expect(r.provenance?.datasetVersion).toMatch(/^saner2024-[0-9a-f]{10}$/);
  });
});
