/**
 * Reply -> Block Kit: sections with the text and the table as a code block (long answers follow
 * the one rule of long-answer.ts within SLACK_LIMITS), a context block with the provenance line,
 * and the actions (static_select / buttons: option text 75, option value 150, block_id 255,
 * button value 2000, from Slack's Block Kit reference).
 */
import type { types } from '@slack/bolt';
import type { Reply, ReplyAction } from '../../reply.js';
import { provenanceLine } from '../format-text.js';
import { msg } from '../../messages/index.js';
import type { ActionStore } from '../action-store.js';
import { packText } from '../fit-text.js';
import { composeAnswer } from '../long-answer.js';
import { tableCsvName, textFile, textFileName, type Attachment } from '../reply-attachments.js';

export type Block = types.KnownBlock;
type Raw = Record<string, unknown>;

export const ACTION_PREFIX = 'hfbot:';

export function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - msg.platforms.truncated.length - 1)}\n${msg.platforms.truncated}`;
}

/** Slack reads &, < and > as markup (links, mentions) in mrkdwn; data text must not be. */
export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The message's top-level text: notifications and clients without blocks read it. */
/**
 * The `text` argument beside blocks (notifications, screen readers): the answer's first lines,
 * whole, within one section's worth (Slack truncates `text` past 40,000 characters and advises
 * keeping it short; the blocks carry the rest).
 */
export const fallbackText = (reply: Reply) =>
  packText(esc(reply.text || ' '), { max: 3000, containers: 1, total: 3000 }).chunks[0] ?? ' ';

const plain = (text: string, max = 75) => ({ type: 'plain_text', text: clip(text, max).slice(0, max), emoji: true });

function actionBlocks(actions: readonly ReplyAction[], store: ActionStore): Raw[] {
  const blocks: Raw[] = [];
  const buttons = actions.filter((a) => a.type === 'button');
  for (const a of actions) {
    if (a.type !== 'select') continue;
    blocks.push({
      type: 'actions',
      // The command template rides in the block_id so a click still works after a restart.
      block_id: store.encode(a.command, 255),
      elements: [
        {
          type: 'static_select',
          action_id: `${ACTION_PREFIX}${a.id}`.slice(0, 255),
          placeholder: plain(a.placeholder, 150),
          options: a.options.slice(0, 100).map((o) => ({
            text: plain(o.label),
            value: o.value.slice(0, 150),
            ...(o.description ? { description: plain(o.description) } : {}),
          })),
        },
      ],
    });
  }
  if (buttons.length) {
    blocks.push({
      type: 'actions',
      elements: buttons.slice(0, 25).map((b) => ({
        type: 'button',
        action_id: `${ACTION_PREFIX}${b.id}`.slice(0, 255),
        text: plain(b.label),
        value: store.encode(b.command, 2000),
        ...(b.style === 'primary' || b.style === 'danger' ? { style: b.style } : {}),
      })),
    });
  }
  return blocks;
}

/**
 * Slack's limits (Block Kit reference: section text 3000 characters, context at most 10 elements,
 * header 150; chat.postMessage: at most 50 blocks). Past about 13,000 characters of block text
 * in all, chat.postMessage answers msg_blocks_too_long although no single limit is crossed
 * (slackapi/bolt-js#2509), so the blocks of one answer stay under 12,000. The `text` fallback
 * (notifications, screen readers) is kept to one section's worth.
 */
export const SLACK_LIMITS = { section: 3000, blocks: 50, context: 10, header: 150, total: 12_000, text: 3000 };

const fence = (body: string) => `\`\`\`${esc(body)}\`\`\``;

export interface SlackMessage {
  /** The `text` argument: the answer's first lines, the fallback for notifications. */
  text: string;
  blocks: Block[];
  /** The whole text as a file, when the answer was longer than the message. */
  textFile: Attachment | null;
}

/**
 * `raw` is the command as typed (it names the attached files); `canAttach` is false for private
 * answers through response_url, which carry no files.
 */
export function slackMessage(
  reply: Reply,
  store: ActionStore,
  extra: { note?: string; raw?: string; canAttach?: boolean } = {},
): SlackMessage {
  const L = SLACK_LIMITS;
  const raw = extra.raw ?? '';
  const canAttach = extra.canAttach ?? true;
  const prov = provenanceLine(reply.provenance);
  const notes = [prov, extra.note].filter((x): x is string => Boolean(x));
  const tail: Raw[] = [];
  if (notes.length)
    tail.push({ type: 'context', elements: notes.map((n) => ({ type: 'mrkdwn', text: clip(esc(n), L.section) })) });
  if (reply.actions?.length) tail.push(...actionBlocks(reply.actions, store));
  const c = composeAnswer(
    reply.text,
    reply.table,
    { max: L.section, containers: L.blocks - tail.length, total: L.total - JSON.stringify(tail).length },
    {
      fence,
      escape: esc,
      tableApart: true,
      csvName: canAttach ? tableCsvName(reply, raw) : null,
      textName: canAttach ? textFileName(raw) : null,
    },
  );
  const sections: Raw[] = c.chunks.map((text) => ({ type: 'section', text: { type: 'mrkdwn', text } }));
  return {
    text: fallbackText(reply),
    // Built as plain objects (the literal shapes above follow Block Kit); typed once here.
    blocks: [...sections, ...tail] as unknown as Block[],
    textFile: c.textComplete || !canAttach ? null : textFile(reply, raw),
  };
}

/** The blocks alone (see slackMessage); `canAttach: false` where no file can go with them. */
export function replyBlocks(
  reply: Reply,
  store: ActionStore,
  extra: { note?: string; raw?: string; canAttach?: boolean } = {},
): Block[] {
  return slackMessage(reply, store, extra).blocks;
}
