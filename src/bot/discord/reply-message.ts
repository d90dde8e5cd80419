/**
 * Reply -> Discord message: an embed (text, table as a code block, provenance in the footer,
 * the chart as attachment://chart.png), the files, and components for Reply.actions. Errors and
 * private replies are plain content. Limits from Discord's docs: content 2000, embed description
 * 4096, footer 2048, custom_id 100, select options 25, 5 buttons per row, 5 rows.
 */
import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
} from 'discord.js';
import type { Reply, ReplyAction } from '../../reply.js';
import { formatReplyText, formatTable, provenanceLine } from '../format-text.js';
import { msg } from '../../messages/index.js';
import type { ActionStore } from '../action-store.js';
import { CHART_FILE, type Attachment } from '../reply-attachments.js';

export const CUSTOM_ID_PREFIX = 'hfbot:';
const EMBED_COLOR = 0xff9d00;

export interface DiscordPayload {
  content?: string;
  embeds: APIEmbed[];
  files: { attachment: Buffer; name: string }[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
}

export const clip = (s: string, max: number) =>
  s.length <= max ? s : `${s.slice(0, max - msg.platforms.truncated.length - 1)}\n${msg.platforms.truncated}`;
const label = (s: string, max = 100) => s.slice(0, max) || '-';

const STYLE = { primary: ButtonStyle.Primary, secondary: ButtonStyle.Secondary, danger: ButtonStyle.Danger } as const;

export function components(actions: readonly ReplyAction[], store: ActionStore): DiscordPayload['components'] {
  const rows: DiscordPayload['components'] = [];
  const customId = (command: string) => CUSTOM_ID_PREFIX + store.encode(command, 100 - CUSTOM_ID_PREFIX.length);
  for (const a of actions) {
    if (a.type !== 'select') continue;
    rows.push({
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.StringSelect,
          custom_id: customId(a.command),
          placeholder: label(a.placeholder, 150),
          options: a.options.slice(0, 25).map((o) => ({
            label: label(o.label),
            value: label(o.value),
            ...(o.description ? { description: label(o.description) } : {}),
          })),
        },
      ],
    });
  }
  const buttons = actions.filter((a) => a.type === 'button');
  for (let i = 0; i < buttons.length; i += 5) {
    rows.push({
      type: ComponentType.ActionRow,
      components: buttons.slice(i, i + 5).map((b) => ({
        type: ComponentType.Button,
        style: STYLE[b.style ?? 'secondary'],
        label: label(b.label, 80),
        custom_id: customId(b.command),
      })),
    });
  }
  return rows.slice(0, 5);
}

export function discordPayload(
  reply: Reply,
  files: Attachment[],
  store: ActionStore,
  opts: { chartFailed?: boolean; chartNote?: string } = {},
): DiscordPayload {
  const out = {
    files: files.map((f) => ({ attachment: f.data, name: f.name })),
    components: reply.actions?.length ? components(reply.actions, store) : [],
  };
  if (reply.error || reply.ephemeral) return { content: clip(formatReplyText(reply), 2000), embeds: [], ...out };
  const parts = [reply.text];
  if (reply.table?.rows.length) parts.push(`\`\`\`\n${clip(formatTable(reply.table, 40), 3000)}\n\`\`\``);
  if (opts.chartFailed) parts.push(`*${opts.chartNote ?? msg.platforms.chartUnavailable}*`);
  const prov = provenanceLine(reply.provenance);
  const embed: APIEmbed = {
    description: clip(parts.join('\n\n'), 4096),
    color: EMBED_COLOR,
    ...(prov ? { footer: { text: clip(prov, 2048) } } : {}),
    ...(files.some((f) => f.name === CHART_FILE) ? { image: { url: `attachment://${CHART_FILE}` } } : {}),
  };
  return { embeds: [embed], ...out };
}
