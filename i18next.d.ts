import 'i18next';
import type { Messages as ServerMessages } from './server/i18n/en.ts';
import type auth from './web/i18n/resources/en/auth.ts';
import type common from './web/i18n/resources/en/common.ts';

/**
 * The typed keys of i18next, for the web (common, auth) and the server (email). English is the source
 * of the key types: `t('signIn.titel')` or a namespace without the key does not compile. It lives at the root because the declaration is global to the one TypeScript project: it must
 * list the web's namespaces and the server's (`email`, its own instance in server/i18n/i18n.ts), and
 * neither web/ nor server/ may import the other.
 */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: {
      common: typeof common;
      auth: typeof auth;
      email: ServerMessages['email'];
    };
  }
}
