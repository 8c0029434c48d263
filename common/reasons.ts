/**
 * Reasons as the API gives them: a stable code, its parameters, and the English rendering of the two.
 * The server builds every reason here, so the wording lives in one place; a client that translates looks
 * up the code and fills in the parameters, and one that does not shows `text`. Covers screening's risk
 * reasons and the invitation allowance's adjustments.
 */

export type ReasonParam = string | number;

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
}

export type ReasonCode = keyof ReasonParamsByCode;

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** How the cold approach is worded for each kind of note that is not the sender's own. */
const COLD_NOTE: Record<string, string> = {
  none: 'without a note',
  short: 'with a note too short to say anything',
  stock: 'with a stock note',
  template: 'with a copied note',
  personal: 'with a pitch or an ask',
};

const nearlyIdentical = (copies: number) => `The note is nearly identical to ${plural(copies, 'other note')} this sender wrote recently`;

const ENGLISH: { [C in ReasonCode]: (p: ReasonParamsByCode[C]) => string } = {
  'risk.held': () => 'The account is waiting for review by the operators',
  'risk.flagged': () => 'The account is flagged for moderation',
  'risk.limited': () => 'The sign-up looked risky, so the account is limited',
  'risk.new_account': () => 'The account was created today',
  'risk.young_account': (p) => `The account is ${plural(p.days, 'day')} old`,
  'risk.thin_profile': (p) => `Thin profile (strength ${p.strength} of 100)`,
  'risk.stranger': () => 'Outside your network, with nothing in common',
  'risk.far_no_mutuals': () => '3rd degree, with no mutual connections',
  'risk.cold_approach': (p) => `Approaches someone they do not know ${COLD_NOTE[p.note] ?? COLD_NOTE.none}, with no record here yet`,
  'risk.personal_note': () => 'A personal note',
  'risk.template': (p) => nearlyIdentical(p.copies),
  'risk.template_to_strangers': (p) => `${nearlyIdentical(p.copies)}, to people they did not know`,
  'risk.mass_template': () => 'The same pitch is going to many people',
  'risk.link_from_new_account': () => 'A link in a note from a new account',
  'risk.asks_stranger': () => 'Asks a favour of someone they do not know',
  'risk.pitch_to_stranger': () => 'A sales pitch to someone they do not know',
  'risk.asks_only': () => 'Their profile lists asks and no offers',
  'risk.low_acceptance': (p) => `Only ${p.percent}% of their invitations were accepted in the last 90 days`,
  'risk.dont_know': (p) => `${plural(p.count, 'person', 'people')} answered "I don't know this person" in the last 90 days`,
  'risk.reports': (p) => `${plural(p.count, 'report')} against this sender`,
  'risk.burst': (p) => `Sent ${plural(p.count, 'invitation')} in the last day`,
  'risk.shared_history': () => 'You share an organisation or school',
  'risk.mutuals': (p) => plural(p.count, 'mutual connection'),
  'allowance.new_account': (p) => `New accounts start with ${p.base} invitations a week: your account is less than 3 days old`,
  'allowance.new_thin_profile': (p) => `New accounts start with ${p.base} invitations a week: your profile is thin (strength ${p.strength} of 100)`,
  'allowance.new_few_connections': (p) => `New accounts start with ${p.base} invitations a week: you have fewer than 3 connections`,
  'allowance.accepted': (p) => `Most of your invitations are accepted (${p.percent}% in the last 90 days)`,
  'allowance.dont_know': (p) => `${p.count} ${p.count === 1 ? 'person' : 'people'} answered "I don't know this person" in the last 90 days`,
  'allowance.spam_reports': (p) => `${p.count} spam or fake-account ${p.count === 1 ? 'report' : 'reports'} against you`,
  'allowance.ignored': (p) => `Most of your invitations were ignored (${p.percent}%)`,
  'allowance.templates': (p) => `${p.count} of your notes this week are nearly the same text`,
  'allowance.limited': () => 'Your sign-up looked risky, so your account is limited until it has some history',
  'allowance.held': () => 'Your account is waiting for review by the operators',
  'allowance.invitations_restricted': () => 'An operator restricted your invitations',
};

/** The English rendering of a code and its parameters. */
export function renderReason<C extends ReasonCode>(code: C, params: ReasonParamsByCode[C]): string {
  return ENGLISH[code](params);
}

/** A reason with its English rendering. */
export function reason<C extends ReasonCode>(code: C, ...rest: ReasonParamsByCode[C] extends Record<string, never> ? [] : [ReasonParamsByCode[C]]): Reason {
  const params = (rest[0] ?? {}) as ReasonParamsByCode[C];
  return { code, params: params as Record<string, ReasonParam>, text: renderReason(code, params) };
}
