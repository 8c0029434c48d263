/** The shared person components: connect, answer, report and block dialogs, degree badges, person cards, career stages and filters. */
export default {
  connect: {
    action: 'Connect',
    actionLabel: 'Connect with {name}',
    title: 'Connect with <bdi>{name}</bdi>',
    intro: 'Say how you know <bdi>{firstName}</bdi> or why you would like to connect. A personal note makes a yes far more likely.',
    note: 'Personal note (optional)',
    noteLength: '{length}/{max} characters',
    email: '{firstName}’s email address',
    emailHint: '{firstName} accepts invitations only from people who know their email address.',
    send: 'Send invitation',
    sent: 'Invitation sent to <bdi>{name}</bdi>.',
    alreadyInvited: '<bdi>{name}</bdi> had already invited you, so you are now connected. Your note was not sent.',
    connected: 'You are now connected with <bdi>{name}</bdi>.',
    notSent: 'The invitation was not sent',
    allowanceLink: 'See your invitation allowance and why',
    nudge: {
      none: 'No note yet. A line on why you want to connect makes a yes far more likely.',
      stock: 'This reads like the stock invitation text. A line in your own words makes a yes far more likely.',
      template: 'This note is nearly the same as ones you sent to others recently. A line just for {firstName} makes a yes far more likely.',
    },
  },
  message: {
    action: 'Message',
    actionLabel: 'Message {name}',
  },
  answer: {
    accept: 'Accept',
    acceptLabel: 'Accept invitation from {name}',
    ignore: 'Ignore',
    ignoreLabel: 'Ignore invitation from {name}',
    ignored: 'Invitation ignored. The sender is not told.',
  },
  state: {
    pending: 'Invitation pending',
    connected: 'Connected',
  },
  report: {
    title: 'Report <bdi>{name}</bdi>',
    titleContent:
      '{kind, select, post {Report this post by <bdi>{name}</bdi>} comment {Report this comment by <bdi>{name}</bdi>} other {Report this message from <bdi>{name}</bdi>}}',
    intro: 'The operators of this community review every report. <bdi>{name}</bdi> is not told who reported them.',
    introContent:
      'The operators of this community review every report, and see what you report as it is now, even if it is changed or deleted later. <bdi>{name}</bdi> is not told who reported them.',
    reason: 'Reason',
    chooseReason: 'Choose a reason',
    reasons: {
      spam: 'Spam or bulk invitations',
      fake: 'A fake account or impersonation',
      scam: 'A scam or fraud',
      harassment: 'Harassment or abuse',
      other: 'Something else',
    },
    details: 'Details (optional)',
    detailsHint: 'What happened? {length}/{max} characters',
    send: 'Send report',
    sent: 'Thank you. The operators will review your report about <bdi>{name}</bdi>.',
  },
  block: {
    title: 'Block <bdi>{name}</bdi>?',
    confirm: 'Block',
    body:
      'You will no longer be connected or follow each other, open invitations are cancelled, and neither of you can find, invite or ' +
      'follow the other. <bdi>{name}</bdi> is not told. Unblocking later does not restore the connection.',
    blocked: '<bdi>{name}</bdi> is blocked.',
  },
  degree: {
    first: { short: '1st', long: '1st-degree connection' },
    second: { short: '2nd', long: '2nd-degree: you share a connection' },
    third: { short: '3rd', long: '3rd-degree: two introductions away' },
    outOfNetwork: 'Out of network',
  },
  mutualConnections: '{count, plural, one {# mutual connection} other {# mutual connections}}',
  /** The career stages (common/limits.ts CAREER_STAGES): chosen in the profile editor, shown on profiles, filtered by in search. */
  careerStages: {
    student: 'Student',
    early: 'Early career',
    mid: 'Mid-career',
    senior: 'Senior',
    executive: 'Executive',
    retired: 'Retired',
  },
  organisationFilter: {
    label: 'Organisation',
    placeholder: 'Any organisation',
    hint: 'Pick one from the suggestions',
  },
};
