/** My contacts (issue 14): the people I imported, private to me, with who among them is here. */
export default {
  page: {
    title: 'Contacts',
    description: 'The people you imported. Only you can see them.',
    import: 'Import contacts',
  },
  filter: {
    search: 'Search your contacts',
    searchPlaceholder: 'Name, organisation or email',
    label: 'Show',
    all: 'All',
    matched: 'Here in the community',
    unmatched: 'Not here yet',
  },
  list: {
    label: 'Your contacts',
    loading: 'Loading your contacts…',
    noResults: 'No contacts match your search.',
    empty: {
      title: 'No contacts yet',
      body: 'Import your LinkedIn connections or address book to see who is already here.',
      action: 'Import your LinkedIn connections or address book',
    },
  },
  howWeMet: {
    linkedin: 'LinkedIn connection',
    linkedinSince: 'LinkedIn connection since {year}',
    vcard: 'From your address book (vCard)',
    csv: 'From a contacts file (CSV)',
    rapport: 'From your Rapport export',
  },
  lastMessage: 'Last message {ago}',
  roleAt: '{title} at {organisation}',
  match: {
    url: 'Found here by their profile link',
    email: 'Found here by their email address',
    name_org: 'Found here by name and organisation',
    profile: 'View the profile of <bdi>{name}</bdi>',
    connected: 'Connected',
    dismissed: 'Dismissed',
  },
  actions: {
    connect: 'Connect',
    connectLabel: 'Connect with {name}',
    dismiss: 'Dismiss',
    dismissLabel: 'Dismiss the match for {name}',
    dismissed: 'The match for {name} is dismissed.',
    invite: 'Invite to join',
    inviteLabel: 'Invite to join: {name}',
    details: 'Notes and tags',
    detailsLabel: 'Notes and tags for {name}',
  },
  connect: {
    /** The dialog is the common one (people:connect); this sentence replaces its intro. */
    intro: 'They will see that you know each other from your imported contacts.',
  },
  notes: {
    title: 'Private notes',
    loading: 'Loading notes…',
    none: 'No notes yet.',
    label: 'New note',
    placeholder: 'Something to remember about this person',
    add: 'Add note',
    added: 'Note added.',
    list: 'Notes on {name}',
  },
  tags: {
    label: 'Tags',
    placeholder: 'Choose from your tags',
    none: 'You have no tags yet. Create some on Your people.',
    saved: 'Tags saved.',
  },
};
