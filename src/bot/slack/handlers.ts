/**
 * Slack events -> the command pipeline. Every slash command is acked at once (Slack's 3 s
 * deadline), then run through the pipeline and delivered. `/hfbot trend llama` and `/trend llama` both work.
 * Controls (static_select, buttons) run their command template as the clicking user.
 */
import type { App, RespondFn } from '@slack/bolt';
import type { webApi } from '@slack/bolt';
import type { Pipeline } from '../../commands/pipeline.js';
import type { Services } from '../../services.js';
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
}

interface Job {
  text: string;
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
    const reply = await deps.pipeline.run({ text: job.text }, { user, channel });
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

export function commandLine(command: string, text: string, umbrella: string): string {
  const name = command.replace(/^\//, '');
  return name === umbrella ? text : `${name} ${text}`.trim();
}

export function registerSlackHandlers(app: App, deps: SlackHandlerDeps): void {
  const umbrella = deps.umbrella ?? 'hfbot';
  const background = (job: Promise<void>) => deps.track?.(job);
  app.command(/^\/.+/, async ({ command, ack, respond, client }) => {
    await ack();
    // Not awaited: Bolt's HTTP receiver has answered already; Socket Mode must not hold the ack.
    background(
      runAndDeliver(
        {
          text: commandLine(command.command, command.text, umbrella),
          user: { id: command.user_id, name: command.user_name },
          target: { channel: command.channel_id, respond, owner: `slack:${command.user_id}` },
          client,
        },
        deps,
      ),
    );
  });

  app.action(new RegExp(`^${ACTION_PREFIX}`), async ({ ack, body, action, client, respond }) => {
    await ack();
    const b = body as {
      user: { id: string; name?: string; username?: string };
      channel?: { id: string };
      message?: { ts: string; thread_ts?: string };
    };
    const a = action as { type: string; block_id?: string; value?: string; selected_option?: { value: string } };
    const template =
      a.type === 'static_select' ? deps.store.decode(a.block_id ?? '') : deps.store.decode(a.value ?? '');
    const value = a.selected_option?.value ?? '';
    const channel = b.channel?.id;
    if (!channel) return;
    const target: SlackTarget = {
      channel,
      respond: respond as RespondFn,
      owner: `slack:${b.user.id}`,
      ...(b.message?.thread_ts ? { threadTs: b.message.thread_ts } : {}),
    };
    if (!template) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: msg.platforms.actionExpired });
      return;
    }
    background(
      runAndDeliver(
        {
          text: fillTemplate(template, value),
          user: {
            id: b.user.id,
            ...((b.user.username ?? b.user.name) ? { name: b.user.username ?? b.user.name } : {}),
          },
          target,
          client,
        },
        deps,
      ),
    );
  });
}
