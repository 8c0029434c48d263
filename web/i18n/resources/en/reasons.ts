/**
 * The reasons namespace: every reason code's message (the catalogue the server words `text` from, in
 * common/i18n/reasons/), and the notices banner's own words.
 */
import { en } from '../../../../common/i18n/reasons/en.ts';

export default {
  ...en,
  notices: {
    region: 'Notices from the operators',
    title: {
      warning: 'A warning from the operators',
      restriction: 'Your account is restricted',
      lifted: 'Restriction lifted',
      role: 'Your role in this community changed',
      removal: 'Something you wrote was removed',
    },
    ends: 'Ends <time>{date}</time>',
    gotIt: 'Got it',
  },
};
