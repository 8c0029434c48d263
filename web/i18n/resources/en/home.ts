/** The home page: welcome, profile strength, new members, quick search and the email reminder. */
export default {
  title: 'Welcome, {firstName}',
  description: 'Your community, one relationship at a time.',
  profile: {
    addHeadline: 'Add a headline so people know what you do.',
    view: 'View profile',
    edit: 'Edit profile',
  },
  admin: 'You operate this community. <admin>Open the admin page</admin>.',
  strength: {
    title: 'Profile strength',
    levels: {
      Beginner: 'Beginner',
      Intermediate: 'Intermediate',
      Advanced: 'Advanced',
      'All-Star': 'All-Star',
    },
    progress: 'Profile strength {score}%',
    next: 'Next: <strong>{tip}</strong>',
    improve: 'Improve profile',
    complete: 'Your profile is complete. Members can find you by every detail you shared.',
  },
  newMembers: {
    title: 'New members',
    loading: 'Loading members…',
    empty: 'No one else has joined yet. Complete your profile, so the people who join next can find you.',
    browse: 'Browse all members',
    suggestions: 'People you may know',
  },
  quickSearch: {
    title: 'Find people',
    intro: 'Search by name, headline or skill. Small typos are fine.',
    query: 'Name, headline or skill',
    placeholder: 'e.g. Ana Ruiz, product designer',
    submit: 'Search',
  },
  verify: {
    title: 'Confirm your email address',
    body: 'We sent a link to {email}. Confirming it keeps your account recoverable.',
    resend: 'Resend email',
    sent: 'Verification email sent to {email}.',
  },
};
