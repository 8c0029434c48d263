/** The shell: header, navigation, account menu and the page states every scene shares. */
export default {
  skipToContent: 'Skip to main content',
  /** {brand} is the product's name, as the logo shows it (an argument, so the pseudo-locale leaves it as shown). */
  homeLink: '{brand} home',
  mainNav: 'Main',
  signIn: 'Sign in',
  join: 'Join',
  searchPeople: 'Search people',
  nav: {
    members: 'Members',
    myNetworkMy: 'My ',
    myNetwork: 'Network',
    pendingInvitations: '{count, plural, one {pending invitation} other {pending invitations}}',
  },
  language: {
    label: 'Language',
  },
  userMenu: {
    label: 'Account menu for {name}',
    viewProfile: 'View profile',
    editProfile: 'Edit profile',
    settings: 'Settings',
    admin: 'Admin',
    signOut: 'Sign out',
  },
  settings: {
    languageHint: 'Rapport and its emails use this language on every device you sign in from.',
    languageSaved: 'Language saved.',
  },
  /** Mantine's own controls, named through the theme (web/theme.ts). */
  mantine: {
    closeDialog: 'Close dialog',
    closeAlert: 'Close',
    dismissNotification: 'Dismiss notification',
    pagination: { first: 'First page', previous: 'Previous page', next: 'Next page', last: 'Last page' },
  },
  actions: {
    cancel: 'Cancel',
    save: 'Save',
    saving: 'Saving…',
    close: 'Close',
    delete: 'Delete',
    remove: 'Remove',
    edit: 'Edit',
    back: 'Back',
    confirm: 'Confirm',
    loadMore: 'Load more',
    done: 'Done',
  },
  time: {
    justNow: 'just now',
  },
  state: {
    loading: 'Loading…',
    loadFailed: 'Could not load this',
    retry: 'Try again',
  },
};
