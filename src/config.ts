/**
 * Configuration from the environment (and a `.env` file), validated once at start-up.
 * A malformed value fails with one message naming the variable; a platform without
 * credentials is simply not configured.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import path from 'node:path';
import { z } from 'zod';
import { HfbotError } from './errors.js';
import { config as messages } from './messages/config.js';
import { roleRef } from './identity.js';

const optionalText = z.string().trim().min(1).optional();
const url = z.string().trim().url();
const port = z.coerce.number().int().min(0).max(65535);
// Discord ids are snowflakes; Slack uploads need channel ids, not names (files.uploadV2 rejects names).
const discordId = z
  .string()
  .trim()
  .regex(/^\d{17,20}$/, 'expected a Discord id of 17-20 digits (Developer Mode, then right-click > Copy ID)')
  .optional();
const slackChannel = z
  .string()
  .trim()
  .regex(
    /^[CGD][A-Z0-9]{2,}$/,
    'expected a Slack channel id such as C0123456789 (channel details > Copy channel ID), not a name',
  )
  .optional();

/** A comma-separated list of people; an unprefixed Slack or Discord id keeps working (read by its shape). */
const roleList = z
  .string()
  .default('')
  .transform((s, ctx) => {
    const refs: string[] = [];
    for (const entry of s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean)) {
      const r = roleRef(entry);
      if ('ref' in r) refs.push(r.ref);
      else ctx.addIssue({ code: 'custom', message: r.error });
    }
    return [...new Set(refs)];
  });

const EnvSchema = z.object({
  HFBOT_DB: z.string().trim().min(1).default('data/hfbot.sqlite'),
  HFBOT_REPLICATION_DIR: optionalText,
  HFBOT_REPLICATION_URL: url.default(
    'https://raw.githubusercontent.com/mina-taraghi/SANER2024ReplicationPackage/main/Replication%20Package',
  ),
  HFBOT_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  HFBOT_LOG_FORMAT: z.enum(['json', 'pretty']).default('pretty'),
  // Namespaced platform users (src/identity.ts): slack:U0123ABCD, discord:<snowflake>, cli:<name>.
  HFBOT_ADMINS: roleList,
  // Who decides /verify matches and may start study rounds, besides the admins.
  HFBOT_TEAM: roleList,
  HFBOT_WEB_HOST: z.string().trim().min(1).default('127.0.0.1'),
  HFBOT_WEB_PORT: port.default(8787),
  // Required to listen anywhere but loopback; sent as a bearer or entered once in the page.
  HFBOT_WEB_TOKEN: z.string().trim().min(16, 'must be at least 16 characters (e.g. openssl rand -hex 32)').optional(),
  // Host names (besides the bound address) the web chat answers to, e.g. the reverse proxy's name.
  HFBOT_WEB_ALLOWED_HOSTS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    ),
  HFBOT_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  // Chart worker threads (0: draw on the main thread) and charts one user may have waiting or drawing.
  HFBOT_RENDER_THREADS: z.coerce.number().int().min(0).max(64).optional(),
  HFBOT_RENDERS_PER_USER: z.coerce.number().int().min(1).max(100).default(3),
  // The web chat keeps recent replies for their chart and CSV downloads: in all, and per user (MiB).
  HFBOT_WEB_CACHE_MB: z.coerce.number().int().min(1).default(128),
  HFBOT_WEB_CACHE_USER_MB: z.coerce.number().int().min(1).default(16),
  HFBOT_COMMAND_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: discordId,
  DISCORD_GUILD_ID: discordId,
  DISCORD_API_URL: url.default('https://discord.com/api'),
  DISCORD_ANNOUNCE_CHANNEL: discordId,
  SLACK_BOT_TOKEN: z
    .string()
    .trim()
    .min(1)
    .refine(
      (v) => !v.startsWith('xapp-'),
      'this is an app-level token (xapp-); SLACK_BOT_TOKEN takes the bot token (xoxb-), SLACK_APP_TOKEN the xapp- one',
    )
    .optional(),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: z
    .string()
    .trim()
    .regex(
      /^xapp-/,
      'expected an app-level token starting with xapp- (Basic Information > App-Level Tokens, scope connections:write)',
    )
    .optional(),
  SLACK_API_URL: url.default('https://slack.com/api/'),
  SLACK_PORT: port.default(3000),
  // Loopback by default: a TLS reverse proxy on the public side forwards /slack/events here.
  SLACK_HOST: z.string().trim().min(1).default('127.0.0.1'),
  SLACK_ANNOUNCE_CHANNEL: slackChannel,
  HF_TOKEN: optionalText,
  HFBOT_FORUM_URL: url.default('https://discuss.huggingface.co'),
  HFBOT_HUB_URL: url.default('https://huggingface.co'),
  HFBOT_REFRESH_CRON: optionalText,
  // Requests per minute of the forum and Hub miners; under 60 to stay polite.
  HFBOT_MINE_RATE_PER_MINUTE: z.coerce.number().positive().max(6000).default(50),
});

export type Env = z.output<typeof EnvSchema>;

const SECRET = /TOKEN|SECRET/;

export interface AppConfig extends Env {
  discord: { enabled: boolean };
  slack: { enabled: boolean; mode: 'socket' | 'http' | 'off' };
}

/** Reads `.env` from `cwd` if present; real environment variables win over the file. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig {
  const file = path.join(cwd, '.env');
  const fromFile = existsSync(file) ? parseEnv(readFileSync(file, 'utf8')) : {};
  const merged: Record<string, string | undefined> = { ...fromFile, ...env };
  for (const k of Object.keys(merged)) if (merged[k] === '') delete merged[k];
  const parsed = EnvSchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? '?');
    throw new HfbotError('E_CONFIG', messages.invalid(name, issue.message, merged[name], SECRET.test(name)), {
      hint: messages.invalidHint(name),
    });
  }
  const e = parsed.data;
  const discordEnabled = Boolean(e.DISCORD_TOKEN);
  if (discordEnabled && !e.DISCORD_APPLICATION_ID) {
    throw new HfbotError('E_CONFIG', messages.discordNoApplication, { hint: messages.discordNoApplicationHint });
  }
  let slackMode: 'socket' | 'http' | 'off' = 'off';
  if (e.SLACK_BOT_TOKEN) {
    if (e.SLACK_APP_TOKEN) slackMode = 'socket';
    else if (e.SLACK_SIGNING_SECRET) slackMode = 'http';
    else throw new HfbotError('E_CONFIG', messages.slackNoMode, { hint: messages.slackNoModeHint });
  }
  return { ...e, discord: { enabled: discordEnabled }, slack: { enabled: slackMode !== 'off', mode: slackMode } };
}
