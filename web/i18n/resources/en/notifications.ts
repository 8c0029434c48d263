/** Notifications: the bell, its page, and one sentence per kind (common/schemas/notifications.ts). */
export default {
  title: 'Notifications',
  description: 'What happened in your network: invitations, acceptances, and more as the conversation grows.',
  list: 'Notifications',
  loading: 'Loading notifications…',
  unread: 'Unread',
  empty: {
    title: 'Nothing new yet',
    body: 'When someone invites you, accepts your invitation or replies to you, it shows here.',
    action: 'Find people you may know',
  },
  settings: {
    title: 'Email notifications',
    intro: 'Choose what also comes to you by email. Everything still shows under the bell.',
    loading: 'Loading your email choices…',
    saved: 'Email choices saved.',
    kinds: {
      invitation_received: 'Someone invites me to connect',
      invitation_accepted: 'Someone accepts my invitation',
      connected_automatically: 'My open invitation setting accepts someone',
      comment: 'Someone comments on my post',
      reply: 'Someone replies to my comment',
      mention: 'Someone mentions me',
      reaction: 'Someone reacts to my post or comment',
      repost: 'Someone reposts my post',
      keep_in_touch: 'Some of my people are due a word (weekly keep-in-touch reminder)',
      digest: 'A weekly summary of my network when I have been away for a week',
    },
  },
  unsubscribe: {
    title: 'Email notifications',
    loading: 'Checking the link…',
    invalid: 'This unsubscribe link is incomplete. Choose which emails you get in Settings.',
    question: 'Stop emails when: {what}?',
    questionDigest: 'Stop the weekly summary of your network?',
    confirm: 'Stop these emails',
    doneTitle: 'Done',
    done: 'You will no longer get these emails. You still see them under the bell.',
    doneDigest: 'You will no longer get the weekly summary.',
    settings: 'Choose which emails you get in Settings',
  },
  /** `others` is how many more people did the same, beyond the one named. */
  kinds: {
    invitation_received: '<bdi>{name}</bdi> invited you to connect',
    invitation_accepted: '<bdi>{name}</bdi> accepted your invitation. You are now connected.',
    connected_automatically: '<bdi>{name}</bdi> is now a connection: your open invitation setting accepted their invitation.',
    comment:
      '{others, plural, =0 {<bdi>{name}</bdi> commented on your post} one {<bdi>{name}</bdi> and # other person commented on your post} other {<bdi>{name}</bdi> and # others commented on your post}}',
    reply:
      '{others, plural, =0 {<bdi>{name}</bdi> replied to your comment} one {<bdi>{name}</bdi> and # other person replied to your comment} other {<bdi>{name}</bdi> and # others replied to your comment}}',
    mention: '{item, select, comment {<bdi>{name}</bdi> mentioned you in a comment} other {<bdi>{name}</bdi> mentioned you in a post}}',
    reaction:
      '{item, select, comment {{others, plural, =0 {<bdi>{name}</bdi> reacted to your comment} one {<bdi>{name}</bdi> and # other person reacted to your comment} other {<bdi>{name}</bdi> and # others reacted to your comment}}} other {{others, plural, =0 {<bdi>{name}</bdi> reacted to your post} one {<bdi>{name}</bdi> and # other person reacted to your post} other {<bdi>{name}</bdi> and # others reacted to your post}}}}',
    repost:
      '{others, plural, =0 {<bdi>{name}</bdi> reposted your post} one {<bdi>{name}</bdi> and # other person reposted your post} other {<bdi>{name}</bdi> and # others reposted your post}}',
    keep_in_touch: '{count, plural, one {# person you want to stay in touch with is due a word} other {# people you want to stay in touch with are due a word}}',
  },
  open: {
    invitation_received: 'See the invitation',
    invitation_accepted: 'View profile',
    connected_automatically: 'View profile',
    comment: 'See the post',
    reply: 'See the reply',
    mention: 'See the post',
    reaction: 'See the post',
    repost: 'See the post',
    keep_in_touch: 'Keep in touch',
  },
};
