import 'i18next';
import type auth from './resources/en/auth.ts';
import type common from './resources/en/common.ts';

/** English is the source of the key types: `t('signIn.titel')` or a namespace without the key does not compile. */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: {
      common: typeof common;
      auth: typeof auth;
    };
  }
}
