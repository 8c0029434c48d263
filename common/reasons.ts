/**
 * Reasons as the API gives them: a stable code, its parameters, and the English rendering of the two.
 * The server builds every reason here, so the wording lives in one place; a client that translates looks
 * up the code and fills in the parameters, and one that does not shows `text`. Covers screening's risk
 * reasons, the invitation allowance's adjustments, why a person is suggested, profile-strength tips,
 * the notices members receive from the operators, and why sign-ups were flagged.
 *
 * Codes are stable once shipped (notices are stored by code, migration 0015): add new ones, never
 * rename one. A list parameter (names, restriction kinds) is an array, so a translation can join it
 * the way its language does.
 */

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
  /** `names`: the mutual connections cited, at most two, most relevant first (none when none may be named). */
  'suggestion.mutual_connections': { count: number; names: string[] };
  /** `toYear` absent while both still work there. */
  'suggestion.same_organisation': { organisation: string; fromYear: number; toYear?: number };
  /** `toYear` absent while both are still studying there. */
  'suggestion.same_school': { school: string; fromYear: number; toYear?: number };
  'suggestion.same_place': { place: string };
  'suggestion.same_industry': { industry: string };
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

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
/** "A", "A and B", "A, B and C". */
const andList = (xs: readonly string[]) => (xs.length > 1 ? `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)!}` : (xs[0] ?? ''));
const quoted = (xs: readonly string[]) => xs.map((x) => `"${x}"`).join(', ');

/** "2 mutual connections: Ana Ruiz and Li Wei", "14 mutual connections, including Ana Ruiz and Li Wei", "3 mutual connections". */
function mutualConnections(count: number, names: readonly string[]): string {
  const noun = plural(count, 'mutual connection');
  if (names.length === 0) return noun;
  return names.length >= count ? `${noun}: ${andList(names)}` : `${noun}, including ${andList(names)}`;
}

/** "Both at Acme, 2019–2021", "Both at Acme since 2020", "Both at Acme in 2019" (and "studied at" for schools). */
function together(ongoing: string, done: string, name: string, fromYear: number, toYear: number | undefined): string {
  if (toYear === undefined) return `${ongoing} ${name} since ${fromYear}`;
  if (toYear <= fromYear) return `${done} ${name} in ${fromYear}`;
  return `${done} ${name}, ${fromYear}–${toYear}`;
}

/** How a lifted restriction is named to the member whose restriction it was. */
const LIFTED_WHAT: Record<string, string> = {
  invitations: 'the restriction on your invitations',
  held: 'the review hold on your account',
  limited: 'the limits on new accounts',
};

/** "spam × 3, scam × 1": the most given first. */
function reportsByReason(p: Record<string, ReasonParam>): string {
  const given = ['spam', 'fake', 'scam', 'harassment', 'other'].flatMap((k) => (typeof p[k] === 'number' ? [[k, p[k]] as const] : []));
  return given
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([k, n]) => `${k} × ${n}`)
    .join(', ');
}

/** "5 minutes", "an hour", "2 hours". */
const minutes = (m: number) => (m % 60 === 0 ? (m === 60 ? 'an hour' : `${m / 60} hours`) : `${m} minutes`);

/** How the cold approach is worded for each kind of note that is not the sender's own. */
const COLD_NOTE: Record<string, string> = {
  none: 'without a note',
  short: 'with a note too short to say anything',
  stock: 'with a stock note',
  template: 'with a copied note',
  personal: 'with a pitch or an ask',
};

const FOLDER_WORD: Record<string, string> = { accept: 'accepted automatically', inbox: 'Inbox', other: 'Other' };

/** "a note and at least 2 mutual connections". */
function ruleConditions(p: ReasonParamsByCode['placement.rule']): string {
  const phrase: Record<string, () => string> = {
    note: () => 'a note',
    mutuals: () => `at least ${plural(p.mutuals ?? 0, 'mutual connection')}`,
    shared: () => 'a shared organisation or school',
    strength: () => `profile strength at least ${p.strength ?? 0}`,
    degree: () => (p.degree === 1 ? '1st degree' : `${p.degree === 2 ? '2nd' : '3rd'} degree or closer`),
    risk: () => `risk at most ${p.risk ?? 0}`,
  };
  return p.conditions.flatMap((c) => (phrase[c] ? [phrase[c]()] : [])).join(' and ');
}

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
  'suggestion.mutual_connections': (p) => mutualConnections(p.count, p.names),
  'suggestion.same_organisation': (p) => together('Both at', 'Both at', p.organisation, p.fromYear, p.toYear),
  'suggestion.same_school': (p) => together('Both studying at', 'Both studied at', p.school, p.fromYear, p.toYear),
  'suggestion.same_place': (p) => `Also in ${p.place}`,
  'suggestion.same_industry': (p) => `Also in ${p.industry}`,
  'strength.current_position': () => 'Add your current position',
  'strength.headline': () => 'Write a headline that says what you do',
  'strength.photo': () => 'Add a profile photo',
  'strength.skills': (p) => `List at least ${p.count === 5 ? 'five' : p.count} skills`,
  'strength.education': () => 'Add your education',
  'strength.about': () => 'Write a short summary in About',
  'strength.location': () => 'Add your location',
  'strength.industry': () => 'Choose your industry',
  'strength.offers': () => 'Say what you can help with',
  'strength.asks': () => "Say what you're looking for",
  'notice.held': () =>
    'Your new account is waiting for a review by the operators of this community, because of how it was registered. ' +
    'Until then, you cannot send invitations.',
  'notice.new_account_limits_lifted': () => 'An operator has reviewed your account. The restrictions on new accounts no longer apply to you.',
  'notice.restriction_ended': () => 'The restriction on your invitations has ended: you can send invitations again.',
  'notice.warned': (p) => `An operator of this community has warned you. Reason: ${p.reason}`,
  'notice.invitations_restricted': (p) =>
    p.days
      ? `An operator has restricted your invitations for ${plural(p.days, 'day')}: you cannot send new invitations until the restriction ends. Reason: ${p.reason}`
      : `An operator has restricted your invitations: you cannot send new invitations until an operator lifts this restriction. Reason: ${p.reason}`,
  'notice.restrictions_lifted': (p) => `An operator lifted ${andList(p.kinds.map((k) => LIFTED_WHAT[k] ?? k))}. Reason: ${p.reason}`,
  'notice.made_operator': () => 'An operator made you an operator of this community. The Admin page is in your account menu.',
  'notice.made_member': () => 'An operator made you a member again: you are no longer an operator of this community.',
  'notice.other': (p) => p.message,
  'signup.disposable_email': (p) => `The email address is at a disposable-mail domain (${p.domain}).`,
  'signup.same_ip': (p) => `${p.count} sign-ups from the same IP address (${p.ip}) within ${minutes(p.minutes)}.`,
  'signup.same_subnet': (p) => `${p.count} sign-ups from the same network (${p.subnet}) within ${minutes(p.minutes)}.`,
  'cluster.same_network': (p) => `${p.count} accounts signed up from the same network (${p.subnet}) within ${p.minutes} minutes of each other.`,
  'cluster.thin_profiles': (p) => `All of them have thin profiles (profile strength below ${p.strength} of 100).`,
  'cluster.similar_names': (p) => `Their names follow one pattern, such as ${quoted(p.examples)}.`,
  'cluster.similar_headlines': (p) => `Near-identical headlines, such as ${quoted(p.examples)}.`,
  'flag.mass_template': (p) => `Sent nearly the same note to ${p.people} people in the last 30 days`,
  'flag.dont_know': (p) => `${p.count} people answered "I don't know this person" in the last 90 days (${p.percent}% of answers)`,
  'flag.acceptance': (p) => `${p.percent}% of answered invitations accepted`,
  'flag.reports': (p) => `${p.count} open reports from different members (${reportsByReason(p)}).`,
  'flag.other': (p) => p.message,
  'signup.other': (p) => p.message,
  'placement.held': (p) => `Held by the platform: risk ${p.risk} of 100`,
  'placement.sender_under_review': () => "Held by the platform: the sender's account is under review",
  'placement.other_flagged': () => 'Put in Other by the platform: the sender is flagged',
  'placement.other_risk': (p) => `Put in Other by the platform: risk ${p.risk} of 100`,
  'placement.open': () => 'Open policy: accepted automatically',
  'placement.manual': () => 'Manual policy: everything waits in the inbox',
  'placement.no_rule': (p) => `No rule matched → ${FOLDER_WORD[p.folder] ?? p.folder}`,
  'placement.rule': (p) => `Rule ${p.rule}: ${ruleConditions(p)} → ${FOLDER_WORD[p.folder] ?? p.folder}`,
  'placement.undelivered': () => 'Not delivered: the recipient answered "I don\'t know this person" to an earlier invitation from this sender',
  'placement.released': () => 'Released by the operators after review',
  'placement.other': (p) => p.message,
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
  const render = Object.hasOwn(ENGLISH, code) ? (ENGLISH as unknown as Record<string, (p: Record<string, ReasonParam>) => string>)[code] : undefined;
  const text = render ? render(params) : typeof params.message === 'string' ? params.message : code;
  return { code: code as ReasonCode, params, text };
}
