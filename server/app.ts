import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { Registry } from 'prom-client';
import { LIMITS } from '../common/limits.ts';
import { createAuthThrottles } from './auth/throttles.ts';
import { DatabaseAttempts } from './db/auth-attempts.ts';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import { type Database, openDatabase } from './db/connection.ts';
import { migrate } from './db/migrate.ts';
import { registerAuthentication } from './http/authenticate.ts';
import { registerApiConventions } from './http/api-conventions.ts';
import { registerDbPriority } from './http/db-priority.ts';
import { registerReadReplicas } from './http/read-db.ts';
import { openApiDocument, openApiTransform } from './http/openapi.ts';
import { clientErrorHandler, frameworkErrors, registerProblemHandler } from './http/problem.ts';
import { trustProxyOption, warnAboutProxySetup } from './http/proxy.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { registerRateLimits } from './http/rate-limit.ts';
import { registerPublic } from './http/public-scope.ts';
import { parseQueryString } from './http/querystring.ts';
import './http/types.ts';
import { registerWebApp } from './http/web-app.ts';
import { EmailDelivery } from './jobs/email-delivery.ts';
import { wakeJobsOn } from './jobs/enqueue.ts';
import { DIGEST_SCHEDULE, registerDigest } from './jobs/digest.ts';
import { KEEP_IN_TOUCH_SCHEDULE, registerKeepInTouch } from './jobs/keep-in-touch.ts';
import { registerSuggestionsLearn, SUGGESTIONS_LEARN_SCHEDULE } from './jobs/suggestions-learn.ts';
import { forgetLearnedModel } from './queries/suggestions/model.ts';
import { MAINTENANCE_SCHEDULES, registerMaintenance } from './jobs/maintenance.ts';
import { DELETION_SWEEP_SCHEDULE, registerAccountDeletion } from './jobs/account-deletion.ts';
import { JobQueue } from './jobs/queue.ts';
import { type JobRunner, runJobs } from './jobs/runner.ts';
import { Scheduler } from './jobs/schedule.ts';
import { registerLinkPreviews, requeuePendingPreviews } from './jobs/link-previews.ts';
import { registerExports } from './jobs/exports.ts';
import { registerImports } from './jobs/imports.ts';
import { logSerializers } from './http/log-serializers.ts';
import { GARDEN_BASELINE_SCHEDULE, registerGardenBaseline } from './jobs/garden-baseline.ts';
import { BACKUP_SCHEDULE, backsItselfUp, registerBackup } from './jobs/backup.ts';
import { COMMUNITY_STRUCTURE_SCHEDULE, registerCommunityStructure } from './jobs/community-structure.ts';
import { COMMUNITY_ROLLUP_SCHEDULE, registerCommunityRollup } from './jobs/community-rollup.ts';
import { attachGardenCache, GardenCache } from './garden/cache.ts';
import { GardenCacheProcessor } from './events/processors/garden-cache.ts';
import { gardenRoutes } from './routes/garden/garden.ts';
import { inspectCsv, parseUpload } from './imports/parse/index.ts';
import { contactRoutes } from './routes/imports/contacts.ts';
import { importRoutes } from './routes/imports/imports.ts';
import { announceEventsOn } from './events/announce.ts';
import { EventDispatcher } from './events/dispatcher.ts';
import { followEveryProcess } from './events/remote.ts';
import { feedGraphOf } from './live/feed-audience.ts';
import { LiveUpdatesProcessor } from './live/live-processor.ts';
import { missedSince } from './live/replay.ts';
import { emailNotificationsOn } from './notifications/email.ts';
import { LiveStreams } from './live/streams.ts';
import { eventRoutes } from './routes/events/events.ts';
import { notificationRoutes, notificationSettingRoutes } from './routes/notifications/notifications.ts';
import { GraphIndexProcessor } from './events/processors/graph-index.ts';
import { ReadCacheProcessor } from './events/processors/read-caches.ts';
import { RecentWritersProcessor } from './events/processors/recent-writers.ts';
import { ChangeMarks } from './events/change-marks.ts';
import { attachReadCaches, ReadCaches } from './viewer/read-caches.ts';
import { loadStandings } from './viewer/standing.ts';
import { loadProfiles } from './hydration/profile.ts';
import { loadPersonRecords } from './hydration/person-records.ts';
import { openGraph } from './graph/persist.ts';
import { SnapshotSchedule } from './graph/snapshot-schedule.ts';
import { adminRoutes } from './routes/admin/admin.ts';
import { adminCommunityRoutes } from './routes/admin/community.ts';
import { auditRoutes } from './routes/admin/audit.ts';
import { exportRoutes } from './routes/exports/exports.ts';
import { adminJobRoutes } from './routes/admin/jobs.ts';
import { adminCommunityStructureRoutes } from './routes/admin/community-structure.ts';
import { moderationRoutes } from './routes/admin/moderation.ts';
import { adminOrganisationRoutes } from './routes/admin/organisations.ts';
import { authRoutes } from './routes/auth/auth.ts';
import { healthRoutes } from './routes/health/health.ts';
import { localeRoutes } from './routes/locale/locale.ts';
import { meRoutes } from './routes/me/me.ts';
import { deletionRoutes } from './routes/me/deletion.ts';
import { ledgerRoutes } from './routes/relationships/ledger.ts';
import { opportunityRoutes } from './routes/opportunities/opportunities.ts';
import { relationshipRoutes } from './routes/relationships/relationships.ts';
import { outreachRoutes } from './routes/outreach/outreach.ts';
import { relationshipTagRoutes } from './routes/relationships/tags.ts';
import { conversationRoutes } from './routes/messages/conversations.ts';
import { messageSettingsRoutes } from './routes/messages/settings.ts';
import { noticeRoutes } from './routes/me/notices.ts';
import { directoryRoutes } from './routes/members/directory.ts';
import { memberRoutes } from './routes/members/members.ts';
import { connectionRoutes } from './routes/network/connections.ts';
import { followBlockRoutes } from './routes/network/follows-blocks.ts';
import { graphRoutes } from './routes/network/graph.ts';
import { egoMapRoutes } from './routes/garden/ego-map.ts';
import { invitationRoutes } from './routes/network/invitations.ts';
import { introductionRoutes } from './routes/introductions/introductions.ts';
import { admireRoutes } from './routes/admire/admire.ts';
import { screeningRoutes } from './routes/network/screening.ts';
import { suggestionRoutes } from './routes/network/suggestions.ts';
import { organisationRoutes } from './routes/organisations/organisations.ts';
import { mediaRoutes } from './routes/media/media.ts';
import { commentRoutes } from './routes/posts/comments.ts';
import { postRoutes } from './routes/posts/posts.ts';
import { reactionRoutes } from './routes/posts/reactions.ts';
import { reportRoutes } from './routes/reports/reports.ts';
import { searchRoutes } from './routes/search/search.ts';
import { endorsementRoutes } from './routes/endorsements/endorsements.ts';
import { recommendationRoutes } from './routes/endorsements/recommendations.ts';
import { emailInvitationRoutes } from './routes/email-invitations/email-invitations.ts';

export interface BuildOptions {
  /** Reuse an open database (tests, scripts); otherwise one is opened from config and closed with the app. */
  database?: Database;
  /** Start background timers (email delivery, vacuum). Off for app.inject tests, which kick work explicitly. */
  background?: boolean;
}

/** Builds the whole application without listening, so tests drive it with app.inject. */
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const database = options.database ?? (await openDatabase(config));
  // Work that may rightly take long (migrations, loading the graph, the dispatcher, jobs) runs on a pool without
  // the requests' statement and acquire timeouts (db/connection.ts); on PGlite it is the same handle.
  const background = database.background;
  await migrate(background);

  const app = Fastify({
    logger: { level: config.logLevel, serializers: logSerializers },
    // Errors the router or Node's HTTP parser meet before any route runs are problem+json too.
    frameworkErrors,
    clientErrorHandler,
    trustProxy: trustProxyOption(config),
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { coerceTypes: false } },
    routerOptions: { querystringParser: parseQueryString },
  });
  // The API speaks JSON (and multipart for photos); a text/plain body is a client mistake, answered with 415.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // From the snapshot in the data directory plus the change log when it is sound, else from the tables.
  const { service: graph, snapshot } = await openGraph(background, config.graphSnapshot.path, app.log);
  const snapshots = config.graphSnapshot.path
    ? new SnapshotSchedule(graph, background, app.log, { ...config.graphSnapshot, path: config.graphSnapshot.path, loaded: snapshot })
    : null;
  graph.startWorkers({ size: config.graphWorkers, onError: (err) => app.log.error({ err }, 'graph worker failed') });

  // Committed events reach the graph index (and any other processor) through the dispatcher.
  const metrics = new Registry();
  const events = new EventDispatcher(background, { log: app.log, metrics });
  await events.register(new GraphIndexProcessor(graph), { marks: graph.marks });
  // Profiles, cards and viewers' standings cached for a second, evicted by the changes committed here.
  const readCaches = new ReadCaches({
    standings: (ids) => loadStandings(database.db, ids),
    profiles: (wants) => loadProfiles(database.db, wants),
    records: (ids) => loadPersonRecords(database.db, ids),
  });
  const detachReadCaches = attachReadCaches(database.db, readCaches);
  await events.register(new ReadCacheProcessor(readCaches), { marks: new ChangeMarks(graph.marks.safe()) });
  // Gardens (issue 15) cached per member until something they count changes.
  const gardenCache = new GardenCache<unknown>();
  const detachGardenCache = attachGardenCache(database.db, gardenCache);
  await events.register(new GardenCacheProcessor(gardenCache), { marks: new ChangeMarks(graph.marks.safe()) });
  // Read replicas: their lag checked on a timer from now on, and members who just changed something read the primary.
  const stopReplicaChecks = database.replicas ? await database.replicas.monitor({ metrics, log: app.log }) : null;
  if (database.replicas) await events.register(new RecentWritersProcessor(database.replicas.writers), { marks: new ChangeMarks(graph.marks.safe()) });

  // Live updates: every committed event that concerns a member with a stream open here.
  const live = new LiveStreams(metrics);
  const liveUpdates = new LiveUpdatesProcessor(live, {
    graph: feedGraphOf(graph),
    blocksOf: async (id) => (await readCaches.standing(id)).blocks.avoid,
  });
  // Its safe position is where a stream's cursor stands when it resumes (live/cursor.ts).
  const liveMarks = new ChangeMarks(graph.marks.safe());
  await events.register(liveUpdates, { marks: liveMarks });
  // On a server, the processors above follow every app process's events, not only this one's (events/remote.ts).
  const announcing = database.events ? announceEventsOn(database.db, database.events.channel) : null;
  const remoteEvents = await followEveryProcess(database, events, { origin: announcing?.origin ?? null, from: graph.marks.safe(), log: app.log });

  // Background work: jobs enqueued in the transactions that cause them, run after commit by this process's
  // queue (woken at once here, through NOTIFY from other processes on a server, and on a timer).
  const jobs = new JobQueue(background, { log: app.log, metrics, idle: !config.runJobs });
  // Registered on both handles: requests and jobs both enqueue jobs and record events that notify by email.
  const waking = { wake: () => void jobs.kick(), ...(database.jobs ? { channel: database.jobs.channel } : {}) };
  const stopWakingJobs = [database.db, background].map((db) => wakeJobsOn(db, waking));
  // Notification emails are queued in the events' transactions; these say where their links point.
  const emailSettings = { publicUrl: config.publicUrl, defaultLocale: config.defaultLocale };
  const stopNotificationEmails = [database.db, background].map((db) => emailNotificationsOn(db, emailSettings));
  const email = new EmailDelivery(database.db, jobs, config.smtpUrl, config.mailFrom, app.log);
  registerMaintenance(jobs, background, config);
  registerDigest(jobs, { db: background, graph: () => graph.index, config });
  registerKeepInTouch(jobs, { db: background });
  // People-you-may-know weights, learned weekly from the community's own connections.
  registerSuggestionsLearn(jobs, { db: background, graph: () => graph, onLearned: () => forgetLearnedModel(database.db) });
  registerExports(jobs, { db: background, dir: config.exportsDir, publicUrl: config.publicUrl });
  registerAccountDeletion(jobs, background);
  registerGardenBaseline(jobs, { db: background });
  registerBackup(jobs, { database, config });
  registerCommunityStructure(jobs, { db: background, graph: () => graph });
  registerCommunityRollup(jobs, { db: background });
  const scheduler = new Scheduler(background, [
    ...MAINTENANCE_SCHEDULES,
    DIGEST_SCHEDULE,
    KEEP_IN_TOUCH_SCHEDULE,
    DELETION_SWEEP_SCHEDULE,
    GARDEN_BASELINE_SCHEDULE,
    COMMUNITY_STRUCTURE_SCHEDULE,
    SUGGESTIONS_LEARN_SCHEDULE,
    COMMUNITY_ROLLUP_SCHEDULE,
    ...(backsItselfUp(config) ? [BACKUP_SCHEDULE] : []),
  ]);
  // Link previews are fetched after the post commits, by the job its transaction enqueued.
  // Member imports: parsed and applied by the job their upload enqueued (imports/run.ts).
  registerImports(jobs, {
    db: background,
    parse: parseUpload,
    inspect: inspectCsv,
    limits: config.imports.limits,
    degreesOf: (viewer, ids) => graph.index.degrees(viewer, ids),
  });
  const linkPreviews = registerLinkPreviews(jobs, { db: background, config: config.linkPreviews, userAgent: `RapportLinkPreview/1.0 (+${config.publicUrl})` });

  const ctx: AppContext = {
    config,
    database,
    db: database.db,
    // Shared by every process when the rate limits are (a server's database or Redis): on the database.
    throttles: createAuthThrottles(config, config.rateLimitStore.kind === 'memory' ? undefined : new DatabaseAttempts(database.db)),
    metrics,
    email,
    jobs,
    graph,
    events,
    live,
    liveReplay: {
      floor: () => liveMarks.safe(),
      // From the primary: a replica may not have the newest events yet.
      missed: (memberId, cursor) => missedSince(database.db, liveUpdates, memberId, cursor),
    },
  };
  app.decorate('ctx', ctx);

  warnAboutProxySetup(app.log, config);
  registerProblemHandler(app);
  registerSecurityHeaders(app, config);
  registerApiConventions(app);
  await app.register(cookie);
  // Before authentication, so the caller's session or token lookup runs in the high-priority lane.
  registerDbPriority(app);
  // After the cookie parser, before any route: every request is identified before it is handled, but
  // only once the cheap per-address budgets (which need the limiter registered first) let it through.
  const credentialGuard = await registerRateLimits(app, config);
  registerAuthentication(app, credentialGuard);
  // Before the routes, which it checks: only GET routes may read from replicas.
  registerReadReplicas(app);
  await app.register(multipart, { limits: { fileSize: LIMITS.photoBytesMax, files: 1, fields: 0 } });
  await app.register(swagger, {
    openapi: openApiDocument(config),
    transform: openApiTransform,
  });
  await registerPublic(app, (scope) => scope.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } }));

  await app.register(healthRoutes);
  await app.register(authRoutes, { prefix: '/api/v1' });
  await app.register(localeRoutes, { prefix: '/api/v1' });
  await app.register(meRoutes, { prefix: '/api/v1' });
  await app.register(deletionRoutes, { prefix: '/api/v1' });
  await app.register(importRoutes, { prefix: '/api/v1' });
  await app.register(contactRoutes, { prefix: '/api/v1' });
  await app.register(memberRoutes, { prefix: '/api/v1' });
  await app.register(directoryRoutes, { prefix: '/api/v1' });
  await app.register(searchRoutes, { prefix: '/api/v1' });
  await app.register(organisationRoutes, { prefix: '/api/v1' });
  await app.register(adminRoutes, { prefix: '/api/v1' });
  await app.register(moderationRoutes, { prefix: '/api/v1' });
  await app.register(auditRoutes, { prefix: '/api/v1' });
  await app.register(adminJobRoutes, { prefix: '/api/v1' });
  await app.register(adminCommunityStructureRoutes, { prefix: '/api/v1' });
  await app.register(adminOrganisationRoutes, { prefix: '/api/v1' });
  await app.register(adminCommunityRoutes, { prefix: '/api/v1' });
  await app.register(noticeRoutes, { prefix: '/api/v1' });
  await app.register(reportRoutes, { prefix: '/api/v1' });
  await app.register(invitationRoutes, { prefix: '/api/v1' });
  await app.register(connectionRoutes, { prefix: '/api/v1' });
  await app.register(followBlockRoutes, { prefix: '/api/v1' });
  await app.register(graphRoutes, { prefix: '/api/v1' });
  await app.register(egoMapRoutes, { prefix: '/api/v1' });
  await app.register(introductionRoutes, { prefix: '/api/v1' });
  await app.register(admireRoutes, { prefix: '/api/v1' });
  await app.register(suggestionRoutes, { prefix: '/api/v1' });
  await app.register(screeningRoutes, { prefix: '/api/v1' });
  await app.register(eventRoutes, { prefix: '/api/v1' });
  await app.register(notificationRoutes, { prefix: '/api/v1' });
  await app.register(notificationSettingRoutes, { prefix: '/api/v1' });
  await app.register(postRoutes, { prefix: '/api/v1' });
  await app.register(commentRoutes, { prefix: '/api/v1' });
  await app.register(reactionRoutes, { prefix: '/api/v1' });
  await app.register(mediaRoutes, { prefix: '/api/v1' });
  await app.register(conversationRoutes, { prefix: '/api/v1' });
  await app.register(messageSettingsRoutes, { prefix: '/api/v1' });
  await app.register(relationshipRoutes, { prefix: '/api/v1' });
  await app.register(relationshipTagRoutes, { prefix: '/api/v1' });
  await app.register(ledgerRoutes, { prefix: '/api/v1' });
  await app.register(endorsementRoutes, { prefix: '/api/v1' });
  await app.register(recommendationRoutes, { prefix: '/api/v1' });
  await app.register(emailInvitationRoutes, { prefix: '/api/v1' });
  await app.register(exportRoutes, { prefix: '/api/v1' });
  await app.register(outreachRoutes, { prefix: '/api/v1' });
  await app.register(gardenRoutes, { prefix: '/api/v1' });
  await app.register(opportunityRoutes, { prefix: '/api/v1' });
  await registerWebApp(app, config.webDistDir);

  let vacuumTimer: NodeJS.Timeout | null = null;
  let settleLiveTimer: NodeJS.Timeout | null = null;
  let jobRunner: JobRunner | null = null;
  if (options.background !== false) {
    // The hourly upkeep (expiry, cluster scan, pruning) and the weekly digest are scheduled jobs on the queue.
    if (config.runJobs) jobRunner = runJobs(jobs, database, scheduler, app.log);
    // Previews an older version left pending for its own worker get their jobs.
    requeuePendingPreviews(database.db).catch((err: unknown) => app.log.warn({ err }, 'queueing pending link previews failed'));
    events.start();
    // The outbox follower's sweep every second, for announcements that never arrived.
    remoteEvents.follower?.start();
    snapshots?.start();
    // An event whose transaction rolled back stays pending in the live processor's marks until settled, and
    // would hold its safe position, and so every stream's cursor base (live/cursor.ts), below it for good.
    settleLiveTimer = setInterval(() => {
      liveMarks.settle(database.db).catch((err: unknown) => app.log.warn({ err }, 'settling the live streams’ position failed'));
    }, 10_000);
    settleLiveTimer.unref();
    if (database.engine === 'pglite' && config.vacuumIntervalMs > 0) {
      vacuumTimer = setInterval(() => {
        database.vacuumAnalyze().catch((err: unknown) => app.log.warn({ err }, 'vacuum failed'));
      }, config.vacuumIntervalMs);
      vacuumTimer.unref();
    }
  }

  // Open streams never finish on their own: end them first, so closing does not wait on them.
  app.addHook('preClose', async () => {
    live.closeAll();
  });
  app.addHook('onClose', async () => {
    if (vacuumTimer) clearInterval(vacuumTimer);
    if (settleLiveTimer) clearInterval(settleLiveTimer);
    stopReplicaChecks?.();
    // Running jobs finish (or their leases expire for another process to take over); no new ones start.
    // Link previews in flight are cut short rather than waited for: their jobs run again later.
    const jobsStopped = jobRunner ? jobRunner.stop() : jobs.stop();
    linkPreviews.stop();
    await jobsStopped;
    for (const stop of stopWakingJobs) stop();
    email.stop();
    // Before the snapshot, so it holds everything the processors handled.
    await remoteEvents.close();
    announcing?.stop();
    for (const stop of stopNotificationEmails) stop();
    await events.close();
    detachReadCaches();
    detachGardenCache();
    // Requests have drained by now, so the snapshot's mark is exact; a failure only costs a slower start.
    await snapshots?.stop().catch((err: unknown) => app.log.warn({ err }, 'graph snapshot at shutdown failed'));
    await graph.close();
    if (!options.database) await database.close();
  });
  return app;
}
