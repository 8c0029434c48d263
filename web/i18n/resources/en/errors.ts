import api from '../../../../common/i18n/errors/en.ts';

/**
 * The errors namespace: the API's error messages by key (common/i18n/errors, the same text the server
 * sends as `detail`). The web loads it only when the server's words are not in the language shown
 * (web/api/client.ts); its own words about failures are in `common` (`failure`), always at hand.
 */
export default {
  ...api,
} as const;
