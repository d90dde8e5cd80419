/**
 * Discord's and Slack's documented message limits, checked the way the platforms check them.
 * The fakes refuse a message that breaks one (as the real APIs do), and the payload tests assert
 * that no answer breaks any. Written from the platforms' documentation, not from our builders.
 */

/**
 * discord-api-docs developers/resources/message.mdx, "Create Message" (content up to 2000
 * characters, up to 10 embeds) and "Embed Limits" (title 256, description 4096, 25 fields, field
 * name 256 and value 1024, footer 2048, author 256, and 6000 over all of those in all embeds,
 * leading and trailing whitespace not counted); developers/reference.mdx "Uploading Files"
 * (files[n]; 10 per message, discord.js's documented maximum); components reference (5 action
 * rows, custom_id 100, 25 select options, button label 80).
 */
export function discordMessageProblems(
  body: Record<string, unknown> | null,
  files: readonly { name: string }[] = [],
): string[] {
  const out: string[] = [];
  const b = body ?? {};
  const len = (v: unknown) => (typeof v === 'string' ? v.trim().length : 0);
  if (typeof b.content === 'string' && b.content.length > 2000) out.push(`content: ${b.content.length} > 2000`);
  const embeds = (b.embeds as Record<string, unknown>[] | undefined) ?? [];
  if (embeds.length > 10) out.push(`embeds: ${embeds.length} > 10`);
  let total = 0;
  embeds.forEach((e, i) => {
    const fields = (e.fields as { name: string; value: string }[] | undefined) ?? [];
    const footer = (e.footer as { text?: string } | undefined)?.text;
    const author = (e.author as { name?: string } | undefined)?.name;
    const check = (what: string, v: unknown, max: number) => {
      if (len(v) > max) out.push(`embeds[${i}].${what}: ${len(v)} > ${max}`);
      total += len(v);
    };
    check('title', e.title, 256);
    check('description', e.description, 4096);
    check('footer.text', footer, 2048);
    check('author.name', author, 256);
    if (fields.length > 25) out.push(`embeds[${i}].fields: ${fields.length} > 25`);
    fields.forEach((f, j) => {
      check(`fields[${j}].name`, f.name, 256);
      check(`fields[${j}].value`, f.value, 1024);
    });
  });
  if (total > 6000) out.push(`embeds: ${total} characters in all > 6000`);
  if (files.length > 10) out.push(`files: ${files.length} > 10`);
  const rows = (b.components as { components?: Record<string, unknown>[] }[] | undefined) ?? [];
  if (rows.length > 5) out.push(`components: ${rows.length} rows > 5`);
  for (const row of rows)
    for (const c of row.components ?? []) {
      if (len(c.custom_id) > 100) out.push(`custom_id: ${len(c.custom_id)} > 100`);
      if (len(c.label) > 80) out.push(`button label: ${len(c.label)} > 80`);
      const options = (c.options as unknown[] | undefined) ?? [];
      if (options.length > 25) out.push(`select options: ${options.length} > 25`);
    }
  // An embed image from an attachment must name a file uploaded with the message.
  for (const e of embeds) {
    const url = (e.image as { url?: string } | undefined)?.url;
    if (url?.startsWith('attachment://') && !files.some((f) => `attachment://${f.name}` === url))
      out.push(`embed image ${url} names no uploaded file`);
  }
  return out;
}

/** Every text a block shows, for Slack's overall size check. */
function blockTexts(block: Record<string, unknown>): string[] {
  const texts: string[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'text' && typeof x === 'string') texts.push(x);
        else visit(x);
      }
    }
  };
  visit(block);
  return texts;
}

/**
 * Slack Block Kit reference: at most 50 blocks per message; section text 1-3000 characters (10
 * fields of 2000); context at most 10 elements; header plain_text 150; actions at most 25
 * elements; block_id 255. chat.postMessage: `text` is truncated past 40,000 characters
 * (msg_too_long beyond); and past about 13,000 characters of block text in all it answers
 * msg_blocks_too_long although no single limit is crossed (slackapi/bolt-js#2509, measured at
 * 13,172-13,297): this check refuses past 13,000. Returns the Slack error and the reasons.
 */
export function slackMessageProblems(p: Record<string, unknown>): { error: string; problems: string[] } | null {
  const problems: string[] = [];
  const blocks = (p.blocks as Record<string, unknown>[] | undefined) ?? [];
  if (typeof p.text === 'string' && p.text.length > 40_000) return { error: 'msg_too_long', problems: ['text'] };
  if (blocks.length > 50) problems.push(`blocks: ${blocks.length} > 50`);
  blocks.forEach((b, i) => {
    const text = (b.text as { text?: string } | undefined)?.text;
    if (typeof b.block_id === 'string' && b.block_id.length > 255) problems.push(`blocks[${i}].block_id > 255`);
    if (b.type === 'section') {
      if (text === undefined && !b.fields) problems.push(`blocks[${i}]: section without text`);
      if (text !== undefined && (text.length < 1 || text.length > 3000))
        problems.push(`blocks[${i}].text: ${text.length} not in 1..3000`);
    }
    if (b.type === 'header' && (text?.length ?? 0) > 150) problems.push(`blocks[${i}].text: header > 150`);
    if (b.type === 'context') {
      const el = (b.elements as { text?: string }[] | undefined) ?? [];
      if (el.length > 10) problems.push(`blocks[${i}].elements: ${el.length} > 10`);
      el.forEach((e, j) => {
        if ((e.text?.length ?? 0) > 3000) problems.push(`blocks[${i}].elements[${j}].text > 3000`);
      });
    }
    if (b.type === 'actions' && ((b.elements as unknown[] | undefined)?.length ?? 0) > 25)
      problems.push(`blocks[${i}].elements > 25`);
  });
  if (problems.length) return { error: 'invalid_blocks', problems };
  const total = blocks.flatMap(blockTexts).reduce((s, t) => s + t.length, 0);
  if (total > 13_000) return { error: 'msg_blocks_too_long', problems: [`${total} characters of block text`] };
  return null;
}
