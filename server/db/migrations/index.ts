import { initial } from './20261123-0001-initial.ts';
import { graph } from './20261123-0002-graph.ts';
import { screening } from './20261201-0003-screening.ts';
import { memberDirectory } from './20261210-0004-member-directory.ts';
import { organisationSpelling } from './20261211-0005-organisation-spelling.ts';
import { moderationLifecycle } from './20261211-0006-moderation-lifecycle.ts';
import { events } from './20261215-0007-events.ts';
import { searchWords } from './20261216-0014-search-words.ts';
import { reasonCodes } from './20261217-0015-reason-codes.ts';
import { connectionInvitationIndex } from './20261218-0016-connection-invitation-index.ts';
import { memberLocale } from './20261219-0017-member-locale.ts';
import { placementCodes } from './20261220-0018-placement-codes.ts';
import { posts } from './20261221-0019-posts.ts';
import { messages } from './20261222-0020-messages.ts';
import { notifications } from './20261223-0021-notifications.ts';
import { postMedia } from './20261224-0022-post-media.ts';
import { contentModeration } from './20261224-0023-content-moderation.ts';
import { jobs } from './20261224-0024-jobs.ts';
import { feedRanking } from './20261224-0025-feed-ranking.ts';
import { relationshipMemory } from './20261225-0026-relationship-memory.ts';
import { introductions } from './20261225-0027-introductions.ts';
import { endorsementsRecommendations } from './20261225-0028-endorsements-recommendations.ts';
import { importsContacts } from './20261227-0031-imports-contacts.ts';
import type { Migration } from './types.ts';

/** The one registry of migrations, in order. Add new files here; never edit one that has shipped. */
export const migrations: Migration[] = [initial, graph, screening, memberDirectory, organisationSpelling, moderationLifecycle, events, searchWords, reasonCodes, connectionInvitationIndex, memberLocale, placementCodes, posts, messages, notifications, postMedia, contentModeration, jobs, feedRanking, relationshipMemory, introductions, endorsementsRecommendations, importsContacts];
