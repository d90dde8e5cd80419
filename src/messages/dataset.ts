/** Strings of /dataset. */
export const dataset = {
  summary: (i: {
    version: string;
    builtAt: string;
    sourceKind: string;
    sourceDir: string;
    tables: Record<string, number>;
    files: { name: string; rows: number }[];
  }) =>
    [
      `Dataset ${i.version}, built ${i.builtAt} from the SANER 2024 replication package (${i.sourceKind}: ${i.sourceDir}).`,
      `${i.tables.topics} coded topics, ${i.tables.codes} low-level codes, ${i.tables.root_causes} root causes; ` +
        `${i.tables.taxonomy} taxonomy categories (${i.tables.codebook} codebook entries); ` +
        `${i.tables.forum_mentions} forum-mention, ${i.tables.hub_uploads} hub-upload and ${i.tables.card_stats} card-stat month rows.`,
      `Files: ${i.files.map((f) => `${f.name} (${f.rows} rows)`).join(', ')}.`,
    ].join('\n'),
};
