import api from '../../../../common/i18n/errors/en.ts';

/**
 * The errors namespace: the API's error messages by key (common/i18n/errors, the same text the server
 * sends as `detail`), plus the web's own words around them.
 */
export default {
  ...api,
  client: {
    network_error: 'Could not reach the server. Check your connection and try again.',
    unknown_error: 'Something went wrong.',
    request_failed: 'Request failed ({status})',
    fix_fields: 'Please fix the highlighted fields.',
    request: 'Request',
    field: '{path}: {message}',
  },
  invite: {
    notSent: 'The invitation was not sent',
    allowanceLink: 'See your invitation allowance and why',
  },
} as const;
