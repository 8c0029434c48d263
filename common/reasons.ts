/**
 * Reasons as the API gives them: a stable code, its parameters, and the English rendering of the two.
 * Covers screening's risk reasons, the invitation allowance's adjustments, why a person is suggested,
 * profile-strength tips, the notices members receive from the operators, and why sign-ups were flagged.
 *
 * The server builds every reason here. The words live in one place, the ICU catalogue in
 * common/i18n/reasons/ (English and Italian): the server renders `text` from its English, and the web
 * words the code in the reader's language from the same messages; a client that does not shows `text`.
 *
 * Codes are stable once shipped (notices are stored by code, migration 0015): add new ones, never
 * rename one. A list parameter (names, restriction kinds) is an array, so a translation can join it
 * the way its language does.
 */
import { hasReasonMessage, renderReasonIn } from './i18n/reasons/catalogue.ts';
import { en } from './i18n/reasons/en.ts';

export type ReasonParam = string | number | string[];

export interface Reason {
  code: ReasonCode;
  params: Record<string, ReasonParam>;
  /** The English rendering of code and params (`renderReason`). */
  text: string;
}

/** The parameters each code carries. */
export interface ReasonParamsByCode {
  'risk.held': Record<string, never>;
  'risk.flagged': Record<string, never>;
  'risk.limited': Record<string, never>;
  'risk.new_account': Record<string, never>;
  'risk.young_account': { days: number };
  'risk.thin_profile': { strength: number };
  'risk.stranger': Record<string, never>;
  'risk.far_no_mutuals': Record<string, never>;
  /** `note`: the note's kind (none, short, stock, template, or personal for a pitch or an ask). */
  'risk.cold_approach': { note: string };
  'risk.personal_note': Record<string, never>;
  'risk.template': { copies: number };
  'risk.template_to_strangers': { copies: number };
  'risk.mass_template': Record<string, never>;
  'risk.link_from_new_account': Record<string, never>;
  'risk.asks_stranger': Record<string, never>;
  'risk.pitch_to_stranger': Record<string, never>;
  'risk.asks_only': Record<string, never>;
  'risk.low_acceptance': { percent: number };
  'risk.dont_know': { count: number };
  'risk.reports': { count: number };
  'risk.burst': { count: number };
  'risk.shared_history': Record<string, never>;
  'risk.mutuals': { count: number };
  /** `people`: new connections pitched by message soon after connecting (the larger of the two counts in pitch.ts). */
  'risk.connect_then_pitch': { people: number };
  'allowance.new_account': { base: number };
  'allowance.new_thin_profile': { base: number; strength: number };
  'allowance.new_few_connections': { base: number };
  'allowance.accepted': { percent: number };
  'allowance.dont_know': { count: number };
  'allowance.spam_reports': { count: number };
  'allowance.ignored': { percent: number };
  'allowance.templates': { count: number };
  'allowance.limited': Record<string, never>;
  'allowance.held': Record<string, never>;
  'allowance.invitations_restricted': Record<string, never>;
  /** Connect-then-pitch (server/screening/pitch.ts): `people` pitched by message soon after connecting. */
  'allowance.connect_then_pitch': { people: number };
  'allowance.fast_pitches': { people: number };
  'allowance.approach_copies': { people: number };
  /** `names`: the mutual connections cited, at most two, most relevant first (none when none may be named). */
  'suggestion.mutual_connections': { count: number; names: string[] };
  /** `toYear` absent while both still work there. */
  'suggestion.same_organisation': { organisation: string; fromYear: number; toYear?: number };
  /** `toYear` absent while both are still studying there. */
  'suggestion.same_school': { school: string; fromYear: number; toYear?: number };
  'suggestion.same_place': { place: string };
  'suggestion.same_industry': { industry: string };
  /**
   * Comments on each other's posts and replies to each other's comments, both ways, at least three in all
   * (queries/suggestions): `count` in all, `name` the other member's.
   */
  'suggestion.replied_to_each_other': { count: number; name: string };
  'strength.current_position': Record<string, never>;
  'strength.headline': Record<string, never>;
  'strength.photo': Record<string, never>;
  'strength.skills': { count: number };
  'strength.education': Record<string, never>;
  'strength.about': Record<string, never>;
  'strength.location': Record<string, never>;
  'strength.industry': Record<string, never>;
  'strength.offers': Record<string, never>;
  'strength.asks': Record<string, never>;
  /** Says what is restricted and why, without the details an abuser could tune against. */
  'notice.held': Record<string, never>;
  'notice.new_account_limits_lifted': Record<string, never>;
  'notice.restriction_ended': Record<string, never>;
  /** `reason`: the operator's own words, shown as written. */
  'notice.warned': { reason: string };
  /** `days` absent: until an operator lifts it. */
  'notice.invitations_restricted': { reason: string; days?: number };
  /** `kinds`: the restriction kinds lifted, in the order of RESTRICTION_KINDS (held, limited, invitations). */
  'notice.restrictions_lifted': { kinds: string[]; reason: string };
  'notice.made_operator': Record<string, never>;
  'notice.made_member': Record<string, never>;
  /** `kind`: post, comment or message; `excerpt`: its first words; `reason`: the operator's own words. */
  'notice.content_removed': { kind: string; excerpt: string; reason: string };
  /** A notice written before notices had codes, whose text matched none of them: `message` is that text. */
  'notice.other': { message: string };
  'signup.disposable_email': { domain: string };
  'signup.same_ip': { count: number; ip: string; minutes: number };
  'signup.same_subnet': { count: number; subnet: string; minutes: number };
  'cluster.same_network': { count: number; subnet: string; minutes: number };
  'cluster.thin_profiles': { strength: number };
  'cluster.similar_names': { examples: string[] };
  'cluster.similar_headlines': { examples: string[] };
  /** `people`: how many received the note (the sender's copies and the original). */
  'flag.mass_template': { people: number };
  /** `percent`: of the answered invitations. */
  'flag.dont_know': { count: number; percent: number };
  'flag.acceptance': { percent: number };
  /** `people`: new connections who received nearly the same sales message within days of connecting. */
  'flag.connect_then_pitch': { people: number };
  /** `people`: new connections who received a sales pitch within a day of connecting. */
  'flag.fast_pitches': { people: number };
  /** `count`: open reports in all; then one parameter per report reason given (spam, fake, scam, harassment, other) with its count. */
  'flag.reports': { count: number } & Partial<Record<'spam' | 'fake' | 'scam' | 'harassment' | 'other', number>>;
  /** A flag's reason written before flags had codes: `message` is its text. */
  'flag.other': { message: string };
  /** A sign-up's reason written before sign-ups had codes: `message` is its text. */
  'signup.other': { message: string };
  /** Where screening put an invitation, and why (shown to its recipient). `risk` of 100. */
  'placement.held': { risk: number };
  'placement.sender_under_review': Record<string, never>;
  'placement.other_flagged': Record<string, never>;
  'placement.other_risk': { risk: number };
  'placement.open': Record<string, never>;
  'placement.manual': Record<string, never>;
  /** `folder`: where the recipient's policy sends what no rule matches (accept, inbox, other). */
  'placement.no_rule': { folder: string };
  /**
   * The recipient's rule that matched, numbered from 1 (also how a policy's rules are described).
   * `conditions`: the rule's tests in order, each a word of RULE_CONDITIONS; the numbers they compare
   * with are their own parameters (`mutuals`, `strength`, `degree`, `risk`).
   */
  'placement.rule': { rule: number; folder: string; conditions: string[]; mutuals?: number; strength?: number; degree?: number; risk?: number };
  'placement.undelivered': Record<string, never>;
  'placement.released': Record<string, never>;
  /** A placement written before placements had codes, whose text matched none of them: `message` is that text. */
  'placement.other': { message: string };
}

/** The tests a screening rule's conditions may make, in the order they are described. */
export const RULE_CONDITIONS = ['note', 'mutuals', 'shared', 'strength', 'degree', 'risk'] as const;

export type ReasonCode = keyof ReasonParamsByCode;

/** A code's group (`risk`) and, within it, its name (`held`): the shape of the catalogue's keys. */
type Group = ReasonCode extends `${infer G}.${string}` ? G : never;
type EveryCode = { [G in Group]: { [C in ReasonCode as C extends `${G}.${infer K}` ? K : never]: string } };

// Every code has an English message, and through ReasonMessages an Italian one: a code added without them fails tsc.
const _everyCodeIsWorded: EveryCode = en;

/** The English rendering of a code and its parameters. */
export function renderReason<C extends ReasonCode>(code: C, params: ReasonParamsByCode[C]): string {
  return renderReasonIn('en', { code, params: params as Record<string, ReasonParam>, text: code });
}

/** A reason with its English rendering. */
export function reason<C extends ReasonCode>(code: C, ...rest: ReasonParamsByCode[C] extends Record<string, never> ? [] : [ReasonParamsByCode[C]]): Reason {
  const params = (rest[0] ?? {}) as ReasonParamsByCode[C];
  return { code, params: params as Record<string, ReasonParam>, text: renderReason(code, params) };
}

/** A reason as stored (notices, flags, sign-ups): the English is rendered when read. */
export interface StoredReason {
  code: string;
  params: Record<string, ReasonParam>;
}

/** What to store of a reason. */
export const toStored = (r: Reason): StoredReason => ({ code: r.code, params: r.params });

/**
 * A reason read back from storage (notices keep code and params): its English rendering. A code this
 * version does not know shows its `message` parameter if it has one, or else the code itself.
 */
export function storedReason(code: string, params: Record<string, ReasonParam>): Reason {
  const fallback = typeof params.message === 'string' ? params.message : code;
  const text = hasReasonMessage(code) ? renderReasonIn('en', { code, params, text: fallback }) : fallback;
  return { code: code as ReasonCode, params, text };
}
