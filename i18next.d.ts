import 'i18next';
import type { Messages as ServerMessages } from './server/i18n/en.ts';
import type account from './web/i18n/resources/en/account.ts';
import type contacts from './web/i18n/resources/en/contacts.ts';
import type garden from './web/i18n/resources/en/garden.ts';
import type communityStructure from './web/i18n/resources/en/communityStructure.ts';
import type admin from './web/i18n/resources/en/admin.ts';
import type directory from './web/i18n/resources/en/directory.ts';
import type editProfile from './web/i18n/resources/en/editProfile.ts';
import type egoMap from './web/i18n/resources/en/egoMap.ts';
import type endorsements from './web/i18n/resources/en/endorsements.ts';
import type errors from './web/i18n/resources/en/errors.ts';
import type feed from './web/i18n/resources/en/feed.ts';
import type home from './web/i18n/resources/en/home.ts';
import type imports from './web/i18n/resources/en/imports.ts';
import type messages from './web/i18n/resources/en/messages.ts';
import type network from './web/i18n/resources/en/network.ts';
import type notifications from './web/i18n/resources/en/notifications.ts';
import type introductions from './web/i18n/resources/en/introductions.ts';
import type admire from './web/i18n/resources/en/admire.ts';
import type join from './web/i18n/resources/en/join.ts';
import type opportunities from './web/i18n/resources/en/opportunities.ts';
import type organisation from './web/i18n/resources/en/organisation.ts';
import type outreach from './web/i18n/resources/en/outreach.ts';
import type people from './web/i18n/resources/en/people.ts';
import type profile from './web/i18n/resources/en/profile.ts';
import type reasons from './web/i18n/resources/en/reasons.ts';
import type relationships from './web/i18n/resources/en/relationships.ts';
import type search from './web/i18n/resources/en/search.ts';
import type settings from './web/i18n/resources/en/settings.ts';
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
      account: typeof account;
      contacts: typeof contacts;
      garden: typeof garden;
      communityStructure: typeof communityStructure;
      admin: typeof admin;
      directory: typeof directory;
      editProfile: typeof editProfile;
      egoMap: typeof egoMap;
      endorsements: typeof endorsements;
      errors: typeof errors;
      feed: typeof feed;
      home: typeof home;
      imports: typeof imports;
      messages: typeof messages;
      network: typeof network;
      notifications: typeof notifications;
      introductions: typeof introductions;
      admire: typeof admire;
      join: typeof join;
      opportunities: typeof opportunities;
      organisation: typeof organisation;
      outreach: typeof outreach;
      people: typeof people;
      profile: typeof profile;
      reasons: typeof reasons;
      relationships: typeof relationships;
      search: typeof search;
      settings: typeof settings;
      email: ServerMessages['email'];
      page: ServerMessages['page'];
    };
  }
}
