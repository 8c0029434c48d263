/**
 * The server's English texts, ICU MessageFormat (plurals as `{n, plural, one {…} other {…}}`). The shape
 * of this file is the contract: every other language must have the same keys (server/i18n/it.ts is typed
 * against it, so a missing key is a type error). Each email: subject, greeting, body, the link's action
 * text and a footer, laid out by server/email/templates.ts.
 */
export const en = {
  email: {
    verify: {
      subject: 'Confirm your email address for Rapport',
      greeting: 'Hi {name},',
      body: 'Welcome to Rapport. Confirm your email address by opening this link (it is valid for {hours, plural, one {# hour} other {# hours}}):',
      action: 'Confirm my email address',
      footer: 'If you did not create this account, you can ignore this message.',
    },
    resetPassword: {
      subject: 'Reset your Rapport password',
      greeting: 'Hi {name},',
      body: 'Someone asked to reset the password of your Rapport account. Open this link to choose a new one (valid for {hours, plural, one {# hour} other {# hours}}):',
      action: 'Choose a new password',
      footer: 'If this was not you, ignore this message: your password stays as it is.',
    },
    signupAttempt: {
      subject: 'Someone tried to create a Rapport account with your address',
      greeting: 'Hi {name},',
      body: 'Someone just tried to create a new Rapport account with this email address. It already has an account (yours), so no new account was created. If it was you, sign in instead; if you forgot your password, choose "Forgot password?" on the sign-in page to reset it:',
      action: 'Sign in to Rapport',
      footer: 'If this was not you, you need not do anything: your account and password are unchanged.',
    },
    /** To someone who is not a member: a member invites them to join, with their note (commands/email-invitations). */
    emailInvitation: {
      subject: '{inviter} invites you to join them on Rapport',
      greeting: '{hasName, select, yes {Hi {name},} other {Hello,}}',
      body: '{inviter} would like you to join their professional community on Rapport, and wrote: "{note}". Joining is free; you choose who may invite you and what others see:',
      action: 'Join Rapport',
      footer: 'You got this email because {inviter} entered your address. We will not keep it for anything else. To receive no more invitations to Rapport at this address, from anyone: {optOut}',
    },
    /** To a member who asked to delete their account (commands/deletion/schedule.ts). */
    deletionScheduled: {
      subject: 'Your Rapport account will be deleted on {date}',
      greeting: 'Hi {name},',
      body: 'You asked to delete your Rapport account. On {date} your profile, posts, connections and everything else you put in will be deleted for good; your comments on others’ posts and your messages will show as from a former member. Until then you can sign in, download your data, or cancel: open Settings and choose "Keep my account".',
      action: 'Keep my account',
      footer: 'If you did not ask for this, sign in and cancel, then change your password.',
    },
    /** Notification emails (kinds in common/schemas/notifications.ts); each footer carries its one-click unsubscribe link. */
    invitation_received: {
      subject: '{actor} invited you to connect on Rapport',
      greeting: 'Hi {name},',
      body: '{actor} would like to connect with you. Their note and what you have in common are on My Network:',
      action: 'See the invitation',
      footer: 'You get this email because you chose to hear about new invitations. Stop these emails with one click: {unsubscribe}',
    },
    invitation_accepted: {
      subject: '{actor} accepted your invitation',
      greeting: 'Hi {name},',
      body: '{actor} accepted your invitation: you are now connected on Rapport.',
      action: 'View their profile',
      footer: 'You get this email because you chose to hear when your invitations are accepted. Stop these emails with one click: {unsubscribe}',
    },
    connected_automatically: {
      subject: '{actor} is now a connection',
      greeting: 'Hi {name},',
      body: 'Your open invitation setting accepted the invitation of {actor}: you are now connected on Rapport.',
      action: 'View their profile',
      footer: 'You get this email because you chose to hear about connections your settings accept. Stop these emails with one click: {unsubscribe}',
    },
    comment: {
      subject: '{actor} commented on your post',
      greeting: 'Hi {name},',
      body: '{actor} commented on your post on Rapport. A reply keeps the conversation going:',
      action: 'See the comment',
      footer: 'You get this email because you chose to hear about comments on your posts. Stop these emails with one click: {unsubscribe}',
    },
    reply: {
      subject: '{actor} replied to your comment',
      greeting: 'Hi {name},',
      body: '{actor} replied to your comment on Rapport:',
      action: 'See the reply',
      footer: 'You get this email because you chose to hear about replies to your comments. Stop these emails with one click: {unsubscribe}',
    },
    mention: {
      subject: '{actor} mentioned you on Rapport',
      greeting: 'Hi {name},',
      body: '{actor} mentioned you in a post or a comment:',
      action: 'See where',
      footer: 'You get this email because you chose to hear when someone mentions you. Stop these emails with one click: {unsubscribe}',
    },
    reaction: {
      subject: '{actor} reacted to what you wrote',
      greeting: 'Hi {name},',
      body: '{actor} reacted to your post or comment on Rapport:',
      action: 'See the post',
      footer: 'You get this email because you chose to hear about reactions. Stop these emails with one click: {unsubscribe}',
    },
    repost: {
      subject: '{actor} reposted your post',
      greeting: 'Hi {name},',
      body: '{actor} shared your post with their network on Rapport:',
      action: 'See the post',
      footer: 'You get this email because you chose to hear about reposts. Stop these emails with one click: {unsubscribe}',
    },
    introduction_requested: {
      subject: '{actor} asks you for an introduction',
      greeting: 'Hi {name},',
      body: '{actor} would like you to introduce them to someone you know. Read why, then forward it with a note, decline kindly, or let it wait:',
      action: 'See the request',
      footer: 'You get this email because you chose to hear about requests for introductions. Stop these emails with one click: {unsubscribe}',
    },
    introduction_received: {
      subject: '{actor} would like to be introduced to you',
      greeting: 'Hi {name},',
      body: "Someone you know forwarded {actor}'s request to meet you, with their reasons. Accept to open a conversation with everyone on the path, or decline:",
      action: 'See the introduction',
      footer: 'You get this email because you chose to hear about introductions to you. Stop these emails with one click: {unsubscribe}',
    },
    introduction_forwarded: {
      subject: '{actor} forwarded your introduction request',
      greeting: 'Hi {name},',
      body: '{actor} passed your request on. You will hear when the next person answers:',
      action: 'See your introductions',
      footer: 'You get this email because you chose to hear about forwarded requests. Stop these emails with one click: {unsubscribe}',
    },
    introduction_declined: {
      subject: '{actor} declined an introduction',
      greeting: 'Hi {name},',
      body: '{actor} declined the introduction. Their reason, if they gave one, is on your Introductions page:',
      action: 'See your introductions',
      footer: 'You get this email because you chose to hear about declined introductions. Stop these emails with one click: {unsubscribe}',
    },
    introduction_accepted: {
      subject: '{actor} accepted the introduction',
      greeting: 'Hi {name},',
      body: '{actor} accepted the introduction: a conversation with everyone on the path is open.',
      action: 'See your introductions',
      footer: 'You get this email because you chose to hear about accepted introductions. Stop these emails with one click: {unsubscribe}',
    },
    introduction_thank: {
      subject: 'Thank {actor} for your introduction',
      greeting: 'Hi {name},',
      body: 'Your introduction went through thanks to {actor}. A word of thanks goes a long way:',
      action: 'See your introductions',
      footer: 'You get this email because you chose to hear about reminders to thank introducers. Stop these emails with one click: {unsubscribe}',
    },
    introduction_expired: {
      subject: 'Your introduction request expired',
      greeting: 'Hi {name},',
      body: 'Your request to be introduced to {actor} expired before it was accepted. You can ask again, perhaps through someone else:',
      action: 'See your introductions',
      footer: 'You get this email because you chose to hear about expired introductions. Stop these emails with one click: {unsubscribe}',
    },
    introduction_reminder: {
      subject: 'An introduction is waiting for you',
      greeting: 'Hi {name},',
      body: 'An introduction requested by {actor} has been waiting for your answer for a week:',
      action: 'See the introduction',
      footer: 'You get this email because you chose to hear about reminders of waiting introductions. Stop these emails with one click: {unsubscribe}',
    },
    keep_in_touch: {
      subject: 'Some of your people are due a word',
      greeting: 'Hi {name},',
      body: 'By the cadence you set, some of the people you want to stay in touch with have not heard from you for a while. A short message, a comment or a call is enough:',
      action: 'See who to keep in touch with',
      footer: 'You get this email because you set keep-in-touch reminders. Stop these emails with one click: {unsubscribe}',
    },
    export_ready: {
      subject: 'Your Rapport data is ready to download',
      greeting: 'Hi {name},',
      body: 'The export of your data you asked for is ready: a ZIP of your profile, network, conversations, notes and settings, with a README describing each file. You can download it for 7 days from Settings, under "Your data":',
      action: 'Download your data',
      footer: 'You get this email because you asked for an export of your data. Stop these emails with one click: {unsubscribe}',
    },
    introductions_suggested: {
      subject: 'People you may want to meet on Rapport',
      greeting: 'Hi {name},',
      body: 'The community team suggests you meet {people}. Each is one click away from an invitation to connect, with a note of your own:',
      action: 'See who they are',
      footer: 'You get this email because you chose to hear about people the community team suggests you meet. Stop these emails with one click: {unsubscribe}',
    },
    endorsement: {
      subject: '{actor} endorsed your skills',
      greeting: 'Hi {name},',
      body: '{actor} endorsed one of your skills on Rapport.',
      action: 'See their profile',
      footer: 'You get this email because you chose to hear about endorsements. Stop these emails with one click: {unsubscribe}',
    },
    recommendation_requested: {
      subject: '{actor} asks you for a recommendation',
      greeting: 'Hi {name},',
      body: '{actor} asks you to write a recommendation for one of their positions on Rapport.',
      action: 'Write the recommendation',
      footer: 'You get this email because you chose to hear about recommendation requests. Stop these emails with one click: {unsubscribe}',
    },
    recommendation_written: {
      subject: '{actor} wrote you a recommendation',
      greeting: 'Hi {name},',
      body: '{actor} wrote you a recommendation on Rapport. It shows on your profile once you approve it.',
      action: 'Read and approve it',
      footer: 'You get this email because you chose to hear about recommendations. Stop these emails with one click: {unsubscribe}',
    },
    recommendation_approved: {
      subject: '{actor} approved your recommendation',
      greeting: 'Hi {name},',
      body: '{actor} approved the recommendation you wrote: it now shows on their profile on Rapport.',
      action: 'See your recommendations',
      footer: 'You get this email because you chose to hear when a recommendation you wrote is approved. Stop these emails with one click: {unsubscribe}',
    },
    /** The weekly digest for members who have been away (server/email/digest.ts lays it out). */
    digest: {
      subject: 'Your week on Rapport',
      greeting: 'Hi {name},',
      intro: 'Here is what happened in your network on Rapport while you were away.',
      postsHeading: 'Top posts from your network',
      post: '{author}: “{excerpt}”',
      postStats: '{reactions, plural, one {# reaction} other {# reactions}} · {comments, plural, one {# comment} other {# comments}}',
      invitations: '{count, plural, one {# invitation is waiting for your answer.} other {# invitations are waiting for your answer.}}',
      invitationsAction: 'See your invitations',
      peopleHeading: 'People you may know',
      action: 'Open Rapport',
      footer: 'You get this weekly summary because you have not visited Rapport for a while. Stop these emails with one click: {unsubscribe}',
    },
  },
  /** The web page as the server sends it, before the app starts: what search engines and link previews read. */
  page: {
    meta: {
      description: 'Rapport: a professional network your community runs for itself.',
    },
  },
} as const;

/** The keys every language provides, each a string. */
export type Messages = { [N in keyof typeof en]: { [E in keyof (typeof en)[N]]: { [F in keyof (typeof en)[N][E]]: string } } };
