/**
 * Slack events -> the command pipeline. Every slash command is acked at once (Slack's 3 s
 * deadline), then run through the pipeline and delivered. `/hfbot trend llama` and `/trend llama` both work.
 * Controls (static_select, buttons) run their command template as the clicking user.
 */
import type { App, RespondFn } from '@slack/bolt';
import type { webApi } from '@slack/bolt';
import type { Pipeline } from '../../commands/pipeline.js';
import type { Services } from '../../services.js';
import type { UserDirectory } from '../../commands/directory.js';
import { msg } from '../../messages/index.js';
import { fillTemplate, type ActionStore } from '../action-store.js';
import type { RenderPng } from '../reply-attachments.js';
import { ACTION_PREFIX } from './blocks.js';
import { deliverSlack, type SlackTarget } from './deliver.js';

export interface SlackHandlerDeps {
  services: Services;
  pipeline: Pipeline;
  store: ActionStore;
  renderPng?: RenderPng;
  /** The umbrella command that takes a whole command line as text. */
  umbrella?: string;
  /** Told about each background job, so close() can wait for answers in flight. */
  track?: (job: Promise<void>) => void;
  /** The workspace's people (users.info / users.list), for /code start raters:. */
  directory?: UserDirectory;
}

interface Job {
  text: string;
  /** What the user typed before the command name ('/' or '/hfbot '). */
  prefix?: string;
  user: { id: string; name?: string };
  target: SlackTarget;
  client: webApi.WebClient;
}

/** Runs one command and delivers it; never throws, and always tries to tell the user something. */
export async function runAndDeliver(job: Job, deps: SlackHandlerDeps): Promise<void> {
  const log = deps.services.logger;
  const started = performance.now();
  try {
    const user = { id: job.user.id, ...(job.user.name ? { name: job.user.name } : {}), platform: 'slack' as const };
    const channel = { id: job.target.channel, ...(job.target.threadTs ? { threadId: job.target.threadTs } : {}) };
    const reply = await deps.pipeline.run(
      { text: job.text },
      {
        user,
        channel,
        ...(job.prefix ? { prefix: job.prefix } : {}),
        ...(deps.directory ? { directory: deps.directory } : {}),
      },
    );
    await deliverSlack(job.client, reply, job.target, deps);
    log.debug('slack answered', {
      text: job.text,
      user: job.user.id,
      ms: Math.round(performance.now() - started),
      error: reply.error?.code,
    });
  } catch (err) {
    log.error('slack delivery failed', { err, text: job.text, user: job.user.id });
    try {
      await job.target.respond?.({ response_type: 'ephemeral', replace_original: false, text: msg.core.internal });
    } catch (err2) {
      log.error('slack could not tell the user about the failure', { err: err2 });
    }
  }
}

/**
/**
 * The command line of a slash command: `/trend llama` -> `trend llama`; the umbrella `/hfbot
 * trend llama` -> `trend llama` typed with the prefix `/hfbot ` (a bare `/hfbot` is /help). With
 * "Escape channels, users, and links" on, Slack sends users as <@U0AAA1|handle> (or <@U0AAA1>);
 * the label may hold spaces, so it is dropped here and the id looked up (users.info) when it matters.
 */
export function commandLine(command: string, text: string, umbrella: string): { text: string; prefix: string } {
  const name = command.replace(/^\//, '');
  const line = text.replace(/<@([UW][A-Z0-9]+)\|[^>]*>/g, '<@$1>').trim();
  if (name === umbrella) return { text: line || 'help', prefix: `/${umbrella} ` };
  return { text: `${name} ${line}`.trim(), prefix: '/' };
}

export function registerSlackHandlers(app: App, deps: SlackHandlerDeps): void {
  const umbrella = deps.umbrella ?? 'hfbot';
  const background = (job: Promise<void>) => deps.track?.(job);
  app.command(/^\/.+/, async ({ command, ack, respond, client }) => {
    await ack();
    const line = commandLine(command.command, command.text, umbrella);
    // Not awaited: Bolt's HTTP receiver has answered already; Socket Mode must not hold the ack.
    background(
      runAndDeliver(
        {
          ...line,
          // user_name is deprecated (a handle, not a display name); names come from users.info.
          user: { id: command.user_id },
          target: {
            channel: command.channel_id,
            respond,
            user: command.user_id,
            owner: `slack:${command.user_id}`,
            raw: line.text,
          },
          client,
        },
        deps,
      ),
    );
  });

  app.action(new RegExp(`^${ACTION_PREFIX}`), async ({ ack, body, action, client, respond }) => {
    await ack();
    const b = body as {
      user: { id: string };
      channel?: { id: string };
      container?: { is_ephemeral?: boolean; message_ts?: string; thread_ts?: string };
      message?: { ts: string; thread_ts?: string; text?: string; blocks?: unknown[] };
    };
    const a = action as { type: string; block_id?: string; value?: string; selected_option?: { value: string } };
    const template =
      a.type === 'static_select' ? deps.store.decode(a.block_id ?? '') : deps.store.decode(a.value ?? '');
    const value = a.selected_option?.value ?? '';
    const channel = b.channel?.id;
    if (!channel) return;
    // Ephemeral messages come without `message`; container says which kind it was (block_actions payload).
    const ephemeral = Boolean(b.container?.is_ephemeral);
    const threadTs = b.message?.thread_ts ?? b.container?.thread_ts;
    const target: SlackTarget = {
      channel,
      respond: respond as RespondFn,
      user: b.user.id,
      owner: `slack:${b.user.id}`,
      ...(threadTs ? { threadTs } : {}),
      origin: {
        ephemeral,
        ...(b.message?.ts ? { ts: b.message.ts } : {}),
        ...(b.message?.blocks ? { blocks: b.message.blocks } : {}),
        ...(b.message?.text ? { text: b.message.text } : {}),
      },
    };
    if (!template) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: msg.platforms.actionExpired });
      return;
    }
    const text = fillTemplate(template, value);
    background(
      runAndDeliver(
        {
          text,
          user: { id: b.user.id },
          target: { ...target, raw: text },
          client,
        },
        deps,
      ),
    );
  });
}
