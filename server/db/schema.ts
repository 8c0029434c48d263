/** Every table, for the query builder. The SQL that creates them lives in migrations/. */
export * from './tables/members.ts';
export * from './tables/auth.ts';
export * from './tables/profiles.ts';
export * from './tables/organisations.ts';
export * from './tables/system.ts';
export * from './tables/search.ts';
export * from './tables/network.ts';
export * from './tables/screening.ts';
export * from './tables/events.ts';
export * from './tables/notifications.ts';
export * from './tables/posts.ts';
export * from './tables/messages.ts';
export * from './tables/jobs.ts';
export * from './tables/media.ts';
export * from './tables/introductions.ts';
export * from './tables/relationships.ts';
export * from './tables/endorsements.ts';
