/** User-facing strings of coding rounds (/code ...). */
import { fmt3 as k3, fmtCount, fmtShare as pct } from '../format/numbers.js';
import { codingPeople } from './coding-people.js';

const topics = (n: number) => `${n} topic${n === 1 ? '' : 's'}`;

export const coding = {
  ...codingPeople,
  heatmapSubtitle: (twoRaters: boolean) =>
    `Topics per pair of labels; outlined: the diagonal, where ${twoRaters ? 'both raters chose' : 'two raters chose'} the same category`,
  unknownCategory: (input: string, scheme: string, codes: string[]) =>
    `"${input}" is not a category of the ${scheme} scheme. Categories: ${codes.join(', ')}.`,
  unknownSubcategory: (input: string, code: string, subs: string[]) =>
    subs.length
      ? `"${input}" is not a subcategory of ${code}. Subcategories: ${subs.join('; ')}.`
      : `${code} has no subcategories; leave sub out.`,
  nameTaken: (name: string) => `A round named "${name}" already exists.`,
  nameTakenHint: 'Pick another name.',
  sizeTooLarge: (size: number, pool: number) =>
    `size must be at most ${pool}, the number of topics available; got ${size}.`,
  unknownRound: (ref: string) => `No coding round "${ref}".`,
  knownRounds: (names: string[]) => `Rounds: ${names.join(', ')}.`,
  startHint: 'Start one with /code start name:<name> size:N raters:alice,bob.',
  noOpenRound: 'You have no open coding round.',
  notOwner: (action: string, name: string, owner: string) =>
    `Only ${owner} (the owner of round "${name}") or an admin can ${action} it.`,
  notRater: (name: string) => `You are not a rater of round "${name}"; its owner chose the raters when starting it.`,
  notParticipant: (name: string) => `Only the raters, the owner or an admin of round "${name}" can do that.`,
  roundClosed: (name: string) => `Round "${name}" is closed; labels can no longer change.`,
  reopenHint: (name: string) => `Its owner can reopen it with /code reopen ${name}.`,
  topicNotInRound: (topic: number, name: string) => `Topic ${topic} is not in round "${name}".`,
  nextHint: 'Use /code next to get your next topic.',
  alreadyStatus: (name: string, status: string) => `Round "${name}" is already ${status}.`,
  plan: (n: number, population: number, conf: number, margin: number, n0: number) =>
    `Sample ${n} of ${population} topics for ${conf}% confidence and a ${margin}% margin of error (Cochran n0 = ${n0.toFixed(1)}, with finite-population correction).`,
  started: (r: {
    name: string;
    topics: number;
    raters: string[];
    scheme: string;
    seed: string;
    stratified: boolean;
    purpose: string;
  }) =>
    [
      `Round "${r.name}" started: ${r.topics} topics drawn at random${r.stratified ? ' (stratified by forum category, proportional allocation)' : ''} with seed ${r.seed}; scheme ${r.scheme}; raters ${r.raters.join(', ')}.`,
      r.purpose === 'practice'
        ? "A practice round: its labels never change the study's answers."
        : r.raters.length >= 2
          ? 'A study round: topics all raters agree on (or resolve) become topic categories.'
          : "A study round with one rater: one person's labels are not agreement, so they become no topic categories.",
      'Raters: type /code next.',
    ].join(' '),
  nextTitle: (name: string, topic: number) => `Round ${name} · topic ${topic}`,
  next: (t: {
    topic: number;
    url: string;
    forumCategory: string;
    title: string | null;
    excerpt: string | null;
    position: number;
    total: number;
    done: number;
    skipped: boolean;
  }) =>
    [
      `Topic ${t.topic} (${t.done + 1} of ${t.total} for you${t.skipped ? ', skipped before' : ''}): ${t.url}`,
      `Forum category: ${t.forumCategory}`,
      ...(t.title ? [`Title: ${t.title}`] : []),
      ...(t.excerpt ? [`> ${t.excerpt}`] : []),
      ...(t.title || t.excerpt
        ? []
        : ['Title and first post are not in the dataset yet: open the link, or run `hfbot mine forum` to fetch them.']),
      `Choose a category below, or type /code label ${t.topic} <category> [code:"low-level code"] [sub:"subcategory"].`,
    ].join('\n'),
  allDone: (name: string, total: number) =>
    `You have labelled all ${total} topics of round "${name}". Thank you! See /code status.`,
  selectPlaceholder: 'Category for this topic',
  subPlaceholder: 'Refine with a subcategory (optional)',
  skipLabel: 'Skip for now',
  nextLabel: 'Next topic',
  labelled: (
    topic: number,
    code: string,
    category: string,
    replaced: boolean,
    done: number,
    total: number,
    extra: string,
  ) =>
    `${replaced ? 'Relabelled' : 'Labelled'} topic ${topic} as ${code} ${category}${extra} (saved). ${done} of ${total} done.`,
  consensusReached: (code: string, feeds: boolean) =>
    feeds ? ` All raters agree: ${code} is now the topic's category.` : ` All raters agree: ${code}.`,
  skipped: (topic: number) => `Skipped topic ${topic} for now; it comes back after the others.`,
  status: (name: string, status: string, purpose: string, revealed: number, total: number) =>
    `Round "${name}" (${status}, ${purpose}): ${revealed} of ${topics(total)} labelled by every rater.`,
  noData: (name: string) =>
    `No topic of round "${name}" has labels from two raters yet (labels stay hidden until every rater has labelled a topic).`,
  agreement: (
    name: string,
    r: {
      n: number;
      percent: number | null;
      kappa: { statistic: string; value: number | null };
      ci: { low: number; high: number } | null;
      reading: string | null;
      alpha: number | null;
      fleiss: number | null;
    },
    after: { percent: number | null; kappa: number | null },
    hidden: number,
  ) =>
    [
      `Round "${name}", ${topics(r.n)}: agreement ${pct(r.percent)}, ${r.kappa.statistic === 'cohen' ? "Cohen's" : "Fleiss'"} kappa ${k3(r.kappa.value)}` +
        `${r.ci ? ` (95% CI ${k3(r.ci.low)} to ${k3(r.ci.high)})` : ''}${r.reading ? `, ${r.reading} (Landis & Koch)` : ''}; Krippendorff's alpha ${k3(r.alpha)}.`,
      `After negotiation: agreement ${pct(after.percent)}, kappa ${k3(after.kappa)}.`,
      ...(hidden ? [`${topics(hidden)} not yet labelled by every rater ${hidden === 1 ? 'is' : 'are'} left out.`] : []),
    ].join('\n'),
  pairsSummary: (
    p: { total: number; listed: unknown[]; kappa: { min: number; median: number; max: number } | null },
    file: string,
  ) =>
    `${fmtCount(p.total)} rater pairs: Cohen's kappa ${p.kappa ? `median ${k3(p.kappa.median)} (lowest ${k3(p.kappa.min)}, highest ${k3(p.kappa.max)})` : 'undefined for every pair'}; the ${p.listed.length} lowest are listed, every pair is in ${file}.`,
  disagreements: (name: string, n: number, hidden: number) =>
    `Round "${name}": ${topics(n)} with differing labels${hidden ? `; ${topics(hidden)} more wait for every rater and stay hidden` : ''}.${n ? ' Record the negotiated label with /code resolve <topic> <category>.' : ''}`,
  notRevealed: (topic: number, name: string) => `Topic ${topic} is not yet labelled by every rater of round "${name}".`,
  notRevealedHint: 'Resolve it once all raters have labelled it, or close the round first.',
  resolved: (topic: number, code: string, category: string) =>
    `Topic ${topic} resolved as ${code} ${category}; it now counts as the topic's category.`,
  saturation: (name: string, batches: number, size: number, codes: number, sat: boolean, k: number) =>
    `Round "${name}": ${codes} distinct low-level codes over ${batches} batches of ${size} topics. ` +
    (sat
      ? `The last ${k} batches brought no new code: saturation reached.`
      : `Not saturated yet (new codes in the last ${k} batches).`),
  noFreeCodes: (name: string) => `Round "${name}" has no low-level codes yet; add them with code:"..." when labelling.`,
  exported: (name: string, rows: number, hidden: number) =>
    `Round "${name}": ${rows} label rows${hidden ? ` (other raters' labels on ${topics(hidden)} stay hidden until every rater has labelled them)` : ''}.`,
  closed: (name: string) =>
    `Round "${name}" is closed. Labels are final and visible to everyone; see /code agreement ${name}.`,
  reopened: (name: string) => `Round "${name}" is open again.`,
  roundNameExpected: 'letters, digits, -, _ or . (no spaces), starting with a letter or digit',
  planSource: 'Cochran (1977) sample size for a proportion, p = 0.5, with finite-population correction',
  source: (name: string, purpose?: string) =>
    `hfbot coding round "${name}"${purpose ? ` (${purpose})` : ''} (labels in the bot's database)`,
};
