/**
 * What the SANER 2024 replication package must hold, so a truncated, emptied or half-pasted
 * file is refused instead of silently replacing a good dataset (issue 14: a header-only
 * Root_Causes.csv used to give 0 root causes with exit 0). Two kinds of pin:
 *
 * - exact: numbers the paper prints. The bot shows them as the paper's, so a package that
 *   disagrees is not the paper's package (Table I, Table II, Sections III-B and IV-B).
 * - at least: numbers only the package gives. They catch lost rows and still let a corrected
 *   package add some.
 *
 * data/README.md lists them with the package's own oddities (1,183 codes where the paper says
 * 1,237; 72 root causes over 70 topics; 103,047 Hub models where the paper says 103,092).
 */
import { ingestError, type Location } from './errors.js';
import { msg } from '../../messages/index.js';

export interface Pin {
  value: number;
  exact: boolean;
  /** Where the number comes from, quoted in the refusal. */
  why: string;
}

export const PINS = {
  challengeCategories: { value: 17, exact: true, why: 'Table I lists 17 challenge categories' },
  challengeCodes: { value: 737, exact: true, why: 'the challenge counts of Table I add up to 737' },
  benefitCategories: { value: 6, exact: true, why: 'Table I lists 6 benefit categories' },
  benefitCodes: { value: 514, exact: true, why: 'the benefit counts of Table I add up to 514' },
  challengeRows: { value: 47, exact: false, why: "the paper's 47 challenge subcategories, one row each" },
  benefitRows: { value: 22, exact: false, why: "the package's Benefits.csv has 22 rows" },
  codes: { value: 1183, exact: false, why: "the package's All_Codes.csv holds 1,183 low-level codes" },
  codedTopics: { value: 455, exact: true, why: 'Section III-B2 of the paper codes 455 topics' },
  rootCauses: { value: 72, exact: true, why: 'Table II analyses 72 root causes' },
  rootCauseTopics: { value: 70, exact: false, why: "the package's 72 root causes are on 70 topics" },
  forumTypes: { value: 147, exact: true, why: 'Section IV-B2 of the paper finds 147 model types on the forum' },
  forumMentions: { value: 7620, exact: true, why: 'Section IV-B2 of the paper counts 7,620 model mentions' },
  hubTypes: { value: 171, exact: true, why: 'Section IV-B3 of the paper counts 171 valid model types on the Hub' },
  hubModels: { value: 103047, exact: false, why: "the package's Hub SUM row counts 103,047 models" },
  sharedTypes: { value: 145, exact: false, why: "the package's forum and Hub files share 145 model types" },
  cardMonths: { value: 42, exact: false, why: "the package's card file has 42 months, 2019-12..2023-05" },
} as const satisfies Record<string, Pin>;

/** The forum and the Hub were mined on 26 June 2023 (Section III-B1): no month after June 2023. */
export const LAST_MONTH = '2023-06';
/** The forum's first topic was created on 7 July 2020 (Section III-B1). */
export const FORUM_FIRST_MONTH = '2020-07';
/** Table III correlates the two series month by month over July 2020..May 2023 (Section IV-C2). */
export const TREND_WINDOW = { from: '2020-07', to: '2023-05' } as const;

/** Refuses `got` when it breaks the pin; `what` names the counted things ("root causes"). */
export function checkPin(pin: Pin, got: number, what: string, loc: Location): void {
  if (got < pin.value) throw ingestError(loc, msg.ingest.tooFew(what, got, pin.value, pin.why, pin.exact));
  if (pin.exact && got > pin.value) throw ingestError(loc, msg.ingest.tooMany(what, got, pin.value, pin.why));
}
