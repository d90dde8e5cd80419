/** What a Slack delivery needs: where the answer goes and the services behind it. */
import type { RespondFn } from '@slack/bolt';
import type { Services } from '../../services.js';
import type { ActionStore } from '../action-store.js';
import type { RenderPng } from '../reply-attachments.js';

/** The message a control was used in (block_actions `container` and `message`). */
export interface SlackOrigin {
  /** Ephemeral messages can only be replaced through the response_url. */
  ephemeral: boolean;
  /** ts of a public message, for chat.update. */
  ts?: string;
  /** Its blocks (public messages only), to take the used controls out of it. */
  blocks?: unknown[];
  text?: string;
}

export interface SlackTarget {
  channel: string;
  /** Post inside this thread (the command came from one). */
  threadTs?: string;
  respond?: RespondFn;
  /** Who ran the command: private thread replies go to them only. */
  user?: string;
  /** Who asked ("slack:U123"): their charts count against their render limit. */
  owner?: string;
  /** The command as typed: names the attached CSV and text files. */
  raw?: string;
  /** Set when the command came from a select or button: its answer updates that message. */
  origin?: SlackOrigin;
}

export interface SlackDeliverDeps {
  services: Services;
  store: ActionStore;
  renderPng?: RenderPng;
}
