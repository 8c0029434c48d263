/**
 * The weekly digest (docs/notifications.md, "Weekly digest"), in the manner of Discourse's activity summary:
 * once a week the schedule enqueues one `digest.send` job per member who has been away (unique per member
 * and ISO week, so the schedule running twice, in one process or several, sends once); each job writes the
 * member's email in their language, or nothing when there is nothing to say.
 */
import { sql } from 'drizzle-orm';
import { renderReasonIn } from '../../common/i18n/reasons/catalogue.ts';
import { queueEmail } from '../commands/queue-email.ts';
import type { Config } from '../config.ts';
import { type Db, rows } from '../db/connection.ts';
import { inTransaction } from '../db/transaction.ts';
import { digestMessage } from '../email/digest.ts';
import type { GraphIndex } from '../graph/graph-index.ts';
import { unsubscribeToken } from '../notifications/email.ts';
import { digestCandidates, digestRecipient, namesOf, topNetworkPosts } from '../queries/digest.ts';
import { countReceived } from '../queries/network/invitation.ts';
import { suggestPeople } from '../queries/suggestions.ts';
import { announce } from './enqueue.ts';
import type { JobQueue } from './queue.ts';
import { type Schedule, schedule } from './schedule.ts';

export interface DigestDeps {
  db: Db;
  graph: () => GraphIndex;
  config: Pick<Config, 'publicUrl' | 'defaultLocale'> & { network: Pick<Config['network'], 'reinviteWaitMs'> };
}

const TOP_POSTS = 3;
const PEOPLE = 3;
const BATCH = 500;
const DIGEST_ATTEMPTS = 3;

/** Every ISO week, as the week's first tick of any process finds it. */
export const DIGEST_SCHEDULE: Schedule = schedule({ kind: 'digest.schedule', every: 'week', payload: (week) => ({ week }), maxAttempts: DIGEST_ATTEMPTS });

export function registerDigest(jobs: JobQueue, deps: DigestDeps): void {
  jobs.register('digest.schedule', async ({ week }) => {
    await scheduleDigests(deps.db, week);
  });
  jobs.register('digest.send', async ({ memberId, week }) => {
    await sendDigest(deps, memberId, week);
  });
}

/**
 * Enqueues this week's digest for every member who is due one, a batch of members at a time; members who
 * have one for the week already are left as they are. Returns how many were enqueued.
 */
export async function scheduleDigests(db: Db, week: string): Promise<number> {
  let after = 0;
  let enqueued = 0;
  for (;;) {
    const [batch] = await rows<{ last: number | null; scanned: number; added: number }>(
      db,
      sql`WITH batch AS (SELECT m.id FROM members m WHERE m.id > ${after} AND ${digestCandidates} ORDER BY m.id LIMIT ${BATCH}),
               added AS (INSERT INTO jobs (kind, payload, unique_key, max_attempts)
                         SELECT 'digest.send', jsonb_build_object('memberId', id, 'week', ${week}::text), id || ':' || ${week}::text, ${DIGEST_ATTEMPTS}
                           FROM batch
                         ON CONFLICT (kind, unique_key) WHERE unique_key IS NOT NULL DO NOTHING
                         RETURNING 1)
          SELECT max(id) AS last, count(*)::int AS scanned, (SELECT count(*) FROM added)::int AS added FROM batch`,
    );
    enqueued += batch?.added ?? 0;
    if (!batch || batch.scanned < BATCH || batch.last === null) break;
    after = batch.last;
  }
  if (enqueued > 0) await announce(db);
  return enqueued;
}

/**
 * One member's digest for a week: the top posts from their network, their pending invitations and a few
 * people they may know. Nothing is written when they are no longer due one (back, unsubscribed, suspended)
 * or there is nothing to say (no post anyone engaged with and no invitation: suggestions alone are not news).
 * Returns whether an email was queued.
 */
export async function sendDigest(deps: DigestDeps, memberId: number, week: string): Promise<boolean> {
  const { db, config } = deps;
  const to = await digestRecipient(db, memberId);
  if (!to?.due) return false;
  const posts = await topNetworkPosts(db, memberId, TOP_POSTS);
  const invitations = (await countReceived(db, memberId)).inbox;
  if (posts.length === 0 && invitations === 0) return false;
  // Best effort, as social proof is everywhere: a digest without suggestions beats no digest.
  const suggested = await suggestPeople({ db, graph: deps.graph() }, memberId, PEOPLE, { reinviteWaitMs: config.network.reinviteWaitMs }).catch(() => []);
  const names = await namesOf(
    db,
    suggested.map((s) => s.memberId),
  );
  const locale = to.locale ?? config.defaultLocale;
  const base = config.publicUrl;
  return inTransaction(db, async (tx) => {
    const token = to.token ?? (await unsubscribeToken(tx, memberId));
    const query = `token=${encodeURIComponent(token)}&kind=digest`;
    const message = digestMessage(locale, {
      name: to.name,
      posts: posts.map((p) => ({ ...p, link: `${base}/posts/${p.id}` })),
      invitations: { count: invitations, link: `${base}/network` },
      people: suggested.flatMap((s) => {
        const person = names.get(s.memberId);
        const reason = s.reasons[0];
        return person ? [{ name: person.name, reason: reason ? renderReasonIn(locale, reason) : null, link: `${base}/in/${person.handle}` }] : [];
      }),
      homeLink: `${base}/`,
      unsubscribeLink: `${base}/unsubscribe?${query}`,
    });
    return queueEmail(
      tx,
      {
        memberId,
        to: to.email,
        ...message,
        headers: { 'List-Unsubscribe': `<${base}/api/v1/unsubscribe?${query}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      },
      // Once per member and week, even if this job runs again after its email was queued.
      { uniqueKey: `digest:${memberId}:${week}` },
    );
  });
}
