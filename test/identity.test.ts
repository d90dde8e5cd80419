import { describe, expect, it } from 'vitest';
import { legacyRef, parseRef, refId, roleRef, userRef } from '../src/identity.js';
import { loadConfig } from '../src/config.js';
import { tempDir } from './helpers/dataset.js';

describe('identity', () => {
  it('namespaces people by platform, so a typed web name can never be a Slack or Discord id', () => {
    expect(userRef({ platform: 'slack', id: 'U0AAA1' })).toBe('slack:U0AAA1');
    expect(userRef({ platform: 'web', id: 'U0AAA1' })).toBe('web:U0AAA1');
    expect(userRef({ platform: 'web', id: 'U0AAA1' })).not.toBe(userRef({ platform: 'slack', id: 'U0AAA1' }));
    expect(parseRef('discord:80351110224678912')).toEqual({ platform: 'discord', id: '80351110224678912' });
    expect(parseRef('web:a:b')).toEqual({ platform: 'web', id: 'a:b' });
    expect(parseRef('alice')).toBeNull();
    expect(parseRef('irc:alice')).toBeNull();
    expect(refId('slack:U0AAA1')).toBe('U0AAA1');
  });

  it('reads an unprefixed legacy id by its shape: Slack user id, Discord snowflake, else nothing', () => {
    expect(legacyRef('U0AAA1')).toBe('slack:U0AAA1');
    expect(legacyRef('W0ENTERPRISE')).toBe('slack:W0ENTERPRISE');
    expect(legacyRef('80351110224678912')).toBe('discord:80351110224678912');
    expect(legacyRef('alice')).toBeNull();
    // Too short for a snowflake: a number someone typed, not a Discord id.
    expect(legacyRef('12345')).toBeNull();
  });

  it('gives roles only to platforms whose users prove who they are', () => {
    expect(roleRef('slack:U0ADMIN')).toEqual({ ref: 'slack:U0ADMIN' });
    expect(roleRef('discord:80351110224678912')).toEqual({ ref: 'discord:80351110224678912' });
    expect(roleRef('cli:olga')).toEqual({ ref: 'cli:olga' });
    expect(roleRef('U0ADMIN')).toEqual({ ref: 'slack:U0ADMIN' });
    expect(roleRef('web:alice')).toEqual({ error: expect.stringContaining('web chat names are self-chosen') });
    expect(roleRef('root')).toEqual({ error: expect.stringContaining('names no platform') });
    expect(roleRef('slack:alice')).toEqual({ error: expect.stringContaining('U0123ABCD') });
    expect(roleRef('discord:42')).toEqual({ error: expect.stringContaining('17-20 digits') });
  });

  it('HFBOT_ADMINS and HFBOT_TEAM hold references; a bad entry stops start-up naming the variable', () => {
    const c = loadConfig(
      { HFBOT_ADMINS: 'slack:U0ADMIN, 80351110224678912 ,slack:U0ADMIN', HFBOT_TEAM: 'U0BBB2,cli:olga' },
      tempDir(),
    );
    expect(c.HFBOT_ADMINS).toEqual(['slack:U0ADMIN', 'discord:80351110224678912']);
    expect(c.HFBOT_TEAM).toEqual(['slack:U0BBB2', 'cli:olga']);
    expect(() => loadConfig({ HFBOT_ADMINS: 'slack:U0ADMIN,web:root' }, tempDir())).toThrow(
      /^Configuration: HFBOT_ADMINS is invalid: "web:root": web chat names are self-chosen/,
    );
    expect(() => loadConfig({ HFBOT_TEAM: 'olga' }, tempDir())).toThrow(
      /HFBOT_TEAM is invalid: "olga" names no platform/,
    );
  });
});
