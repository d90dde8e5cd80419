/** Names of the sources that answers cite in their provenance, and links to forum topics. */

export const SOURCES = {
  tableOne: 'Codebook.xlsx [Overview] (Table I counts)',
  codebook: 'Codebook.xlsx [Codebook]',
  rootCauses: 'Root_Causes.csv',
  codes: 'All_Codes.csv',
  rounds: 'hfbot coding rounds (topic_categories)',
  /** Names the rounds whose agreed or resolved labels an answer counts. */
  roundsNamed: (names: readonly string[]) =>
    `hfbot study rounds ${names.map((n) => `"${n}"`).join(', ')} (labels all raters agreed on or resolved)`,
};

/** The HuggingFace Forums address of a topic (Discourse redirects /t/<id> to the full slug). */
export const topicUrl = (id: number): string => `https://discuss.huggingface.co/t/${id}`;
