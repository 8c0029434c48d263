/**
 * Every reason code (common/reasons.ts) worded in English, as ICU MessageFormat: the one English wording,
 * used by the server for a reason's `text` and by the web's `reasons` namespace alike, so the two cannot
 * drift. Keys are the codes, nested at their dot (`risk.held` is `risk: { held }`).
 *
 * The renderer (render.ts) derives the arguments a message needs from the code's parameters: lists joined
 * the way the language joins them (`names`, `kinds`, `examples`, `byReason`), and a `select` argument
 * where one code reads as different sentences (`shape`, `span`, `limit`, `unit`). Years are passed as
 * strings, so they are never grouped ("2,019"). `words` holds the items those lists are made of.
 *
 * An apostrophe followed by a brace or `#` starts ICU quoting: Italian uses the typographic ’.
 */
export const en = {
  risk: {
    held: 'The account is waiting for review by the operators',
    flagged: 'The account is flagged for moderation',
    limited: 'The sign-up looked risky, so the account is limited',
    new_account: 'The account was created today',
    young_account: 'The account is {days, plural, one {# day} other {# days}} old',
    thin_profile: 'Thin profile (strength {strength} of 100)',
    stranger: 'Outside your network, with nothing in common',
    far_no_mutuals: '3rd degree, with no mutual connections',
    cold_approach:
      'Approaches someone they do not know {note, select, short {with a note too short to say anything} stock {with a stock note} template {with a copied note} personal {with a pitch or an ask} other {without a note}}, with no record here yet',
    personal_note: 'A personal note',
    template: 'The note is nearly identical to {copies, plural, one {# other note} other {# other notes}} this sender wrote recently',
    template_to_strangers:
      'The note is nearly identical to {copies, plural, one {# other note} other {# other notes}} this sender wrote recently, to people they did not know',
    mass_template: 'The same pitch is going to many people',
    link_from_new_account: 'A link in a note from a new account',
    asks_stranger: 'Asks a favour of someone they do not know',
    pitch_to_stranger: 'A sales pitch to someone they do not know',
    asks_only: 'Their profile lists asks and no offers',
    low_acceptance: 'Only {percent}% of their invitations were accepted in the last 90 days',
    dont_know: '{count, plural, one {# person} other {# people}} answered "I don\'t know this person" in the last 90 days',
    reports: '{count, plural, one {# report} other {# reports}} against this sender',
    burst: 'Sent {count, plural, one {# invitation} other {# invitations}} in the last day',
    shared_history: 'You share an organisation or school',
    mutuals: '{count, plural, one {# mutual connection} other {# mutual connections}}',
    connect_then_pitch: 'Pitched {people, plural, one {# new connection} other {# new connections}} by message soon after connecting, in the last 30 days',
  },
  allowance: {
    new_account: 'New accounts start with {base} invitations a week: your account is less than 3 days old',
    new_thin_profile: 'New accounts start with {base} invitations a week: your profile is thin (strength {strength} of 100)',
    new_few_connections: 'New accounts start with {base} invitations a week: you have fewer than 3 connections',
    accepted: 'Most of your invitations are accepted ({percent}% in the last 90 days)',
    dont_know: '{count, plural, one {# person} other {# people}} answered "I don\'t know this person" in the last 90 days',
    spam_reports: '{count, plural, one {# spam or fake-account report} other {# spam or fake-account reports}} against you',
    ignored: 'Most of your invitations were ignored ({percent}%)',
    templates: '{count, plural, one {# of your notes this week is} other {# of your notes this week are}} nearly the same text',
    limited: 'Your sign-up looked risky, so your account is limited until it has some history',
    held: 'Your account is waiting for review by the operators',
    invitations_restricted: 'An operator restricted your invitations',
    connect_then_pitch: 'You sent a sales pitch by message to {people, plural, one {# new connection} other {# new connections}} soon after connecting, in the last 30 days',
    fast_pitches: '{people, plural, one {# new connection} other {# new connections}} got a sales pitch from you within a day of connecting, in the last 30 days',
    approach_copies: 'You sent nearly the same message to {people, plural, one {# new connection} other {# new connections}} soon after connecting, in the last 30 days',
  },
  suggestion: {
    /** `shape`: none (no names), all (every one named), some (more than the names). */
    mutual_connections:
      '{count, plural, one {# mutual connection} other {# mutual connections}}{shape, select, all {: {names}} some {: {namesAndOthers}} other {}}',
    /** `span`: ongoing (no end year), single (one year), other (from–to). */
    same_organisation:
      '{span, select, ongoing {Both at {organisation} since {fromYear}} single {Both at {organisation} in {fromYear}} other {Both at {organisation}, {fromYear}–{toYear}}}',
    same_school:
      '{span, select, ongoing {Both studying at {school} since {fromYear}} single {Both studied at {school} in {fromYear}} other {Both studied at {school}, {fromYear}–{toYear}}}',
    same_place: 'Also in {place}',
    same_industry: 'Also in {industry}',
    replied_to_each_other: 'You and {name} have replied to each other {count, plural, one {once} other {# times}}',
  },
  strength: {
    current_position: 'Add your current position',
    headline: 'Write a headline that says what you do',
    photo: 'Add a profile photo',
    skills: '{count, plural, =5 {List at least five skills} one {List at least # skill} other {List at least # skills}}',
    education: 'Add your education',
    about: 'Write a short summary in About',
    location: 'Add your location',
    industry: 'Choose your industry',
    offers: 'Say what you can help with',
    asks: "Say what you're looking for",
  },
  notice: {
    held:
      'Your new account is waiting for a review by the operators of this community, because of how it was registered. ' +
      'Until then, you cannot send invitations.',
    new_account_limits_lifted: 'An operator has reviewed your account. The restrictions on new accounts no longer apply to you.',
    restriction_ended: 'The restriction on your invitations has ended: you can send invitations again.',
    warned: 'An operator of this community has warned you. Reason: {reason}',
    /** `limit`: days (for a number of days) or open (until an operator lifts it). */
    invitations_restricted:
      '{limit, select, days {An operator has restricted your invitations for {days, plural, one {# day} other {# days}}: you cannot send new invitations until the restriction ends. Reason: {reason}} other {An operator has restricted your invitations: you cannot send new invitations until an operator lifts this restriction. Reason: {reason}}}',
    restrictions_lifted: 'An operator lifted {kinds}. Reason: {reason}',
    made_operator: 'An operator made you an operator of this community. The Admin page is in your account menu.',
    made_member: 'An operator made you a member again: you are no longer an operator of this community.',
    content_removed: '{kind, select, post {An operator removed your post} comment {An operator removed your comment} other {An operator removed your message}} “{excerpt}”. Reason: {reason}',
    other: '{message}',
  },
  signup: {
    disposable_email: 'The email address is at a disposable-mail domain ({domain}).',
    /** `unit`: hours when the window is whole hours (`hours`), else minutes. */
    same_ip:
      '{count, plural, one {# sign-up} other {# sign-ups}} from the same IP address ({ip}) within {unit, select, hours {{hours, plural, one {an hour} other {# hours}}} other {{minutes, plural, one {# minute} other {# minutes}}}}.',
    same_subnet:
      '{count, plural, one {# sign-up} other {# sign-ups}} from the same network ({subnet}) within {unit, select, hours {{hours, plural, one {an hour} other {# hours}}} other {{minutes, plural, one {# minute} other {# minutes}}}}.',
    other: '{message}',
  },
  cluster: {
    same_network:
      '{count, plural, one {# account} other {# accounts}} signed up from the same network ({subnet}) within {minutes, plural, one {# minute} other {# minutes}} of each other.',
    thin_profiles: 'All of them have thin profiles (profile strength below {strength} of 100).',
    similar_names: 'Their names follow one pattern, such as {examples}.',
    similar_headlines: 'Near-identical headlines, such as {examples}.',
  },
  flag: {
    mass_template: 'Sent nearly the same note to {people, plural, one {# person} other {# people}} in the last 30 days',
    dont_know: '{count, plural, one {# person} other {# people}} answered "I don\'t know this person" in the last 90 days ({percent}% of answers)',
    acceptance: '{percent}% of answered invitations accepted',
    connect_then_pitch: 'Sent nearly the same sales message to {people, plural, one {# person} other {# people}} within days of connecting with each, in the last 30 days',
    fast_pitches: 'Sent a sales pitch by message to {people, plural, one {# person} other {# people}} within a day of connecting, in the last 30 days',
    /** `byReason`: "spam × 3, scam × 1", the most given first. */
    reports: '{count, plural, one {# open report} other {# open reports}} from different members ({byReason}).',
    other: '{message}',
  },
  /** Where screening put an invitation, and why. */
  placement: {
    held: 'Held by the platform: risk {risk} of 100',
    sender_under_review: "Held by the platform: the sender's account is under review",
    other_flagged: 'Put in Other by the platform: the sender is flagged',
    other_risk: 'Put in Other by the platform: risk {risk} of 100',
    open: 'Open policy: accepted automatically',
    manual: 'Manual policy: everything waits in the inbox',
    no_rule: 'No rule matched → {folder, select, accept {accepted automatically} inbox {Inbox} other {Other}}',
    /** `conditions`: the rule's tests joined as a list (`words.condition`). */
    rule: 'Rule {rule}: {conditions} → {folder, select, accept {accepted automatically} inbox {Inbox} other {Other}}',
    undelivered: 'Not delivered: the recipient answered "I don\'t know this person" to an earlier invitation from this sender',
    released: 'Released by the operators after review',
    other: '{message}',
  },
  /** The items of the lists above. */
  words: {
    /** A screening rule's tests, as the placement it made names them. */
    condition: {
      note: 'a note',
      mutuals: 'at least {count, plural, one {# mutual connection} other {# mutual connections}}',
      shared: 'a shared organisation or school',
      strength: 'profile strength at least {value}',
      degree: '{degree, select, 1 {1st degree} 2 {2nd degree or closer} other {3rd degree or closer}}',
      risk: 'risk at most {value}',
    },
    /** A lifted restriction, as named to the member whose restriction it was. */
    restriction: {
      invitations: 'the restriction on your invitations',
      held: 'the review hold on your account',
      limited: 'the limits on new accounts',
    },
    /** The reasons members give when they report someone. */
    report: { spam: 'spam', fake: 'fake', scam: 'scam', harassment: 'harassment', other: 'other' },
    reportCount: '{reason} × {count}',
    /** An example quoted: "Growth". */
    quoted: '"{text}"',
    /** The last item of a names list that names fewer than there are: "Ana, Li and 12 others". */
    others: '{count, plural, one {# other} other {# others}}',
  },
};

/** The shape of the catalogue: a translation maps every key of the English one to a string. */
export type ReasonMessages<T = typeof en> = { [K in keyof T]: T[K] extends string ? string : ReasonMessages<T[K]> };
