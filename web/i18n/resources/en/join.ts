/** Invitations to join by email: the email's landing page, its "no more invitations" page, and the sending dialog. */
const join = {
  landing: {
    title: 'You are invited',
    invited: '<bdi>{inviter}</bdi> invited you to join their professional community on Rapport.',
    loading: 'Opening your invitation…',
    signUp: 'Create your account',
    signIn: 'I already have an account',
    noMore: 'I would rather not be invited again',
  },
  noMore: {
    title: 'No more invitations',
    question: 'Stop all invitations to join Rapport at this address, from <bdi>{inviter}</bdi> and from anyone else?',
    confirm: 'Stop invitations',
    loading: 'Checking the link…',
    doneTitle: 'Done',
    done: 'Nobody will be able to invite this address to Rapport again. We keep only a scrambled fingerprint of it, to recognise it.',
    invalid: 'This link is not complete. Open it again from the email.',
  },
  invite: {
    open: 'Invite by email',
    title: 'Invite someone to join',
    intro: 'They get one email from you with your note. It counts as one of your invitations this week, and they can ask never to be invited again.',
    email: 'Their email address',
    name: 'Their first name (optional)',
    note: 'Your note',
    notePlaceholder: 'Why you would like them here',
    noteRequired: 'Write a few words: an invitation without a note rarely gets an answer.',
    emailInvalid: 'Enter a valid email address.',
    send: 'Send invitation',
    cancel: 'Cancel',
    sent: 'Invitation sent to {email}.',
  },
};

export default join;
