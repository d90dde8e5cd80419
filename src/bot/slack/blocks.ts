/**
 * Reply -> Block Kit: a section with the text, the table as a code block, a context block with
 * the provenance line, and the actions (static_select / buttons). Limits from Slack's Block Kit
 * reference: section text 3000 chars, option text 75, option value 150, block_id 255, button value 2000.
 */
import type { types } from '@slack/bolt';
import type { Reply, ReplyAction } from '../../reply.js';
import { formatReplyText, formatTable, provenanceLine } from '../format-text.js';
import { msg } from '../../messages/index.js';
import type { ActionStore } from '../action-store.js';

export type Block = types.KnownBlock;
type Raw = Record<string, unknown>;

export const ACTION_PREFIX = 'hfbot:';

export function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - msg.platforms.truncated.length - 1)}\n${msg.platforms.truncated}`;
}

/** Slack reads &, < and > as markup (links, mentions) in mrkdwn; data text must not be. */
export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The message's top-level text: notifications and clients without blocks read it. */
export const fallbackText = (reply: Reply) => clip(esc(formatReplyText(reply)), 3900);

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

export function replyBlocks(reply: Reply, store: ActionStore, extra: { note?: string } = {}): Block[] {
  const blocks: Raw[] = [{ type: 'section', text: { type: 'mrkdwn', text: clip(esc(reply.text || ' '), 3000) } }];
  if (reply.table?.rows.length) {
    const body = formatTable(reply.table, 40);
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `\`\`\`${clip(esc(body), 2990)}\`\`\`` } });
  }
  const prov = provenanceLine(reply.provenance);
  const notes = [prov, extra.note].filter((x): x is string => Boolean(x));
  if (notes.length)
    blocks.push({ type: 'context', elements: notes.map((n) => ({ type: 'mrkdwn', text: clip(esc(n), 3000) })) });
  if (reply.actions?.length) blocks.push(...actionBlocks(reply.actions, store));
  // Built as plain objects (the literal shapes above follow Block Kit); typed once here.
  return blocks as unknown as Block[];
}
