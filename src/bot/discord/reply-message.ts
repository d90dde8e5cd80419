/**
 * Reply -> Discord message: embeds (text, table as a code block, provenance in the footer,
 * the chart as attachment://<its file name>, e.g. trend-llama.png), the files (chart, table CSV,
 * Reply.files), and components
 * for Reply.actions. Errors and private replies are plain content. Long answers follow the one
 * rule of long-answer.ts within DISCORD_LIMITS; components: custom_id 100, select options 25,
 * 5 buttons per row, 5 rows.
 */
import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
} from 'discord.js';
import type { Reply, ReplyAction } from '../../reply.js';
import { provenanceLine } from '../format-text.js';
import { msg } from '../../messages/index.js';
import type { ActionStore } from '../action-store.js';
import { composeAnswer } from '../long-answer.js';
import { tableCsvName, textFile, textFileName, type Attachment } from '../reply-attachments.js';

export const CUSTOM_ID_PREFIX = 'hfbot:';
const EMBED_COLOR = 0xff9d00;

export interface DiscordPayload {
  content?: string;
  embeds: APIEmbed[];
  /** `description` is the attachment's alt text (Discord: attachment object, at most 1024 characters). */
  files: { attachment: Buffer; name: string; description?: string }[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
}

export const clip = (s: string, max: number) =>
  s.length <= max ? s : `${s.slice(0, max - msg.platforms.truncated.length - 1)}\n${msg.platforms.truncated}`;
const label = (s: string, max = 100) => s.slice(0, max) || '-';

const STYLE = { primary: ButtonStyle.Primary, secondary: ButtonStyle.Secondary, danger: ButtonStyle.Danger } as const;

export function componentsOf(actions: readonly ReplyAction[], store: ActionStore): DiscordPayload['components'] {
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

/**
 * Discord's limits (discord-api-docs, resources/message.mdx: "Create Message" and "Embed Limits";
 * reference.mdx "Uploading Files"): content 2000 characters; up to 10 embeds, each description
 * 4096 and footer 2048, and 6000 characters over all embeds' title, description, field names and
 * values, footer and author; 10 files per message.
 */
export const DISCORD_LIMITS = { content: 2000, description: 4096, footer: 2048, total: 6000, embeds: 10, files: 10 };

const fence = (body: string) => `\`\`\`\n${body}\n\`\`\``;

/**
 * `raw` is the command as typed: it names the attached CSV and, when the text is longer than a
 * message, the attached text file (long-answer.ts has the rule).
 */
export function discordPayload(
  reply: Reply,
  files: Attachment[],
  store: ActionStore,
  opts: { chartFailed?: boolean; chartNote?: string; raw?: string } = {},
): DiscordPayload {
  const raw = opts.raw ?? '';
  const L = DISCORD_LIMITS;
  const components = reply.actions?.length ? componentsOf(reply.actions, store) : [];
  const names = { csvName: tableCsvName(reply, raw), textName: textFileName(raw), fence };
  const attach = (extra: Attachment[]) =>
    [...files, ...extra].slice(0, L.files).map((f) => ({
      attachment: f.data,
      name: f.name,
      // Discord's attachment description is its alt text (max 1024): the chart's title.
      ...(f.title ? { description: f.title.slice(0, 1024) } : {}),
    }));
  const prov = provenanceLine(reply.provenance);
  if (reply.error || reply.ephemeral) {
    // One message content; the provenance goes in it as the last line.
    const text = prov ? `${reply.text}\n(${prov})` : reply.text;
    const c = composeAnswer(text, reply.table, { max: L.content, containers: 1, total: L.content }, names);
    return {
      content: c.chunks[0]!,
      embeds: [],
      files: attach(c.textComplete ? [] : [textFile(reply, raw)]),
      components,
    };
  }
  const footer = prov ? clip(prov, L.footer) : '';
  const c = composeAnswer(
    reply.text,
    reply.table,
    { max: L.description, containers: L.embeds, total: L.total - footer.length },
    { ...names, extra: opts.chartFailed ? [`*${opts.chartNote ?? msg.platforms.chartUnavailable}*`] : [] },
  );
  const chart = files.find((f) => f.chart);
  const embeds: APIEmbed[] = c.chunks.map((description, i) => ({
    description,
    color: EMBED_COLOR,
    // The provenance and the chart close the answer: on its last embed.
    ...(i === c.chunks.length - 1 && footer ? { footer: { text: footer } } : {}),
    // Discord docs, "Using Attachments within Embeds": the URL names the uploaded file exactly.
    ...(i === c.chunks.length - 1 && chart ? { image: { url: `attachment://${chart.name}` } } : {}),
  }));
  return { embeds, files: attach(c.textComplete ? [] : [textFile(reply, raw)]), components };
}
