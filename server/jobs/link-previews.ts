/**
 * Fetching link previews after the post commits (docs/feed.md, "Link previews"), as jobs of the Postgres
 * queue. A post's transaction writes a 'pending' row and enqueues `link-preview.refresh` for the post with it
 * (commands/posts/link-preview.ts); the queue runs the job once the transaction commits, in this process or
 * another, and takes it over from a process that died mid-fetch (its lease).
 *
 * Retries are the queue's: a failure that may pass (a timeout, DNS, a 5xx) keeps the row pending and throws,
 * so the queue runs the job again after its backoff; the last attempt, or any other failure, marks the row
 * 'failed' and finishes the job, so a site that is down never fills the operators' dead jobs.
 */
import { sql } from 'drizzle-orm';
import type { LinkPreviewConfig } from '../config.ts';
import { type Db, rows } from '../db/connection.ts';
import { type EncodedImage, ImageRefused, reencodeImage } from '../media/images.ts';
import { FetchRefused, type FetchFailure, guardedFetch, RETRYABLE } from '../previews/fetch.ts';
import { decodePage, readPageMeta } from '../previews/meta.ts';
import type { Backoff } from './backoff.ts';
import { announce } from './enqueue.ts';
import { LINK_PREVIEW_ATTEMPTS } from './kinds.ts';
import type { JobInfo, JobQueue } from './queue.ts';

export interface LinkPreviewDeps {
  db: Db;
  config: LinkPreviewConfig;
  /** Sent as the User-Agent, so a site can tell who is asking. */
  userAgent: string;
  /** Aborts fetches in flight when the process stops; their jobs run again, the rows untouched. */
  signal?: AbortSignal;
}

/** A retry waits about a minute, then about two (half of each wait random). */
export const LINK_PREVIEW_BACKOFF: Backoff = { baseMs: 60_000, maxMs: 10 * 60_000 };
/** The longest side of a preview's image as stored. */
const PREVIEW_IMAGE_PIXELS = 800;
const isHtml = (type: string) => type === 'text/html' || type === 'application/xhtml+xml';
/** The declared type only spares downloading what is plainly no image; the content decides (sharp). */
const mayBeImage = (type: string) => type === '' || type.startsWith('image/') || type === 'application/octet-stream';

export type PreviewOutcome = 'ready' | 'failed' | 'skipped';
type Failure = FetchFailure | 'no_title';

/** Thrown for a failure that may pass, so the queue tries the job again; the row stays pending meanwhile. */
export class LinkPreviewRetry extends Error {
  constructor(
    readonly postId: number,
    readonly failure: Failure,
  ) {
    super(`link preview of post ${postId}: ${failure}; tried again later`);
  }
}

/**
 * Runs `link-preview.refresh` jobs in this process. `stop()` aborts the fetches in flight, so shutting down
 * waits for no slow site: those jobs fail without touching their rows and run again after their backoff.
 */
export function registerLinkPreviews(jobs: JobQueue, deps: Omit<LinkPreviewDeps, 'signal'>): { stop(): void } {
  const stopping = new AbortController();
  jobs.register(
    'link-preview.refresh',
    async ({ postId }, job) => {
      await refreshLinkPreview({ ...deps, signal: stopping.signal }, postId, job);
    },
    { backoff: LINK_PREVIEW_BACKOFF },
  );
  return { stop: () => stopping.abort() };
}

/** Where a job stands among its attempts; without one (a direct call), this attempt is the last. */
type Attempt = Pick<JobInfo, 'lastAttempt'>;

/**
 * Fetches the preview of a post's pending link and stores it ('ready'), or why there is none ('failed').
 * A failure that may pass, before the last attempt, leaves the row pending and throws LinkPreviewRetry.
 * Never fails for anything a page does otherwise; what it writes applies only while the post still has
 * that link pending, so an edit in between wins.
 */
export async function refreshLinkPreview(deps: LinkPreviewDeps, postId: number, job: Attempt = { lastAttempt: true }): Promise<PreviewOutcome> {
  const [row] = await rows<{ url: string; attempts: number }>(
    deps.db,
    sql`SELECT url, attempts FROM post_link_previews WHERE post_id = ${postId} AND status = 'pending'`,
  );
  if (!row) return 'skipped';
  const still = sql`post_id = ${postId} AND url = ${row.url} AND status = 'pending'`;
  try {
    const page = await guardedFetch(row.url, {
      limits: { allowPrivate: deps.config.allowPrivate, timeoutMs: deps.config.timeoutMs, maxBytes: deps.config.pageMaxBytes, maxRedirects: deps.config.maxRedirects },
      accept: isHtml,
      overflow: 'truncate',
      userAgent: deps.userAgent,
      ...(deps.signal ? { signal: deps.signal } : {}),
    });
    const meta = readPageMeta(decodePage(page.body, page.charset), page.url);
    if (!meta.title) return await fail(deps, postId, still, row.attempts, 'no_title', job);
    const image = meta.imageUrl ? await previewImage(deps, meta.imageUrl) : null;
    await deps.db.execute(sql`
      UPDATE post_link_previews
         SET status = 'ready', attempts = attempts + 1, failure = NULL, canonical_url = ${meta.canonicalUrl}, title = ${meta.title},
             description = ${meta.description}, site_name = ${meta.siteName}, image = ${image?.content ?? null},
             image_width = ${image?.width ?? null}, image_height = ${image?.height ?? null}, image_etag = ${image?.etag ?? null},
             fetched_at = now()
       WHERE ${still}`);
    return 'ready';
  } catch (err) {
    // Stopped, not refused (an abort reads as a timeout): the row stays as it was for the job's next run.
    if (deps.signal?.aborted) throw new Error(`link preview of post ${postId}: stopped with the process`, { cause: err });
    if (err instanceof FetchRefused) return fail(deps, postId, still, row.attempts, err.code, job);
    // Something no page should cause (a database error): the queue retries it, and on the last attempt the
    // post goes without a preview rather than stay pending, while the dead job tells the operators why.
    if (job.lastAttempt) await deps.db.execute(sql`UPDATE post_link_previews SET status = 'failed', failure = 'internal' WHERE ${still}`);
    throw err;
  }
}

async function fail(deps: LinkPreviewDeps, postId: number, still: ReturnType<typeof sql>, attempts: number, code: Failure, job: Attempt): Promise<PreviewOutcome> {
  // The row counts the tries of its link (an edit to another link starts again), the job its own.
  const again = code !== 'no_title' && RETRYABLE.has(code) && !job.lastAttempt && attempts + 1 < LINK_PREVIEW_ATTEMPTS;
  await deps.db.execute(sql`
    UPDATE post_link_previews
       SET status = ${again ? 'pending' : 'failed'}, attempts = attempts + 1, failure = ${code}, fetched_at = now()
     WHERE ${still}`);
  if (again) throw new LinkPreviewRetry(postId, code);
  return 'failed';
}

/** The page's image, fetched under the same rules and re-encoded; a preview simply goes without one that fails. */
async function previewImage(deps: LinkPreviewDeps, url: string): Promise<EncodedImage | null> {
  try {
    const fetched = await guardedFetch(url, {
      limits: { allowPrivate: deps.config.allowPrivate, timeoutMs: deps.config.timeoutMs, maxBytes: deps.config.imageMaxBytes, maxRedirects: deps.config.maxRedirects },
      accept: mayBeImage,
      overflow: 'fail',
      userAgent: deps.userAgent,
      ...(deps.signal ? { signal: deps.signal } : {}),
    });
    return await reencodeImage(fetched.body, PREVIEW_IMAGE_PIXELS);
  } catch (err) {
    if (err instanceof FetchRefused || err instanceof ImageRefused) return null;
    throw err;
  }
}

/**
 * Enqueues a job for every pending preview that has none queued or running: the rows an older version left
 * for its own worker, before previews moved onto the queue. Run at start-up; returns how many.
 */
export async function requeuePendingPreviews(db: Db): Promise<number> {
  const added = await rows<{ id: string | number }>(
    db,
    sql`INSERT INTO jobs (kind, payload, max_attempts)
        SELECT 'link-preview.refresh', jsonb_build_object('postId', p.post_id), ${LINK_PREVIEW_ATTEMPTS}
          FROM post_link_previews p
         WHERE p.status = 'pending'
           AND NOT EXISTS (SELECT 1 FROM jobs j
                            WHERE j.kind = 'link-preview.refresh' AND j.status IN ('queued', 'running')
                              AND j.payload ->> 'postId' = p.post_id::text)
        RETURNING id`,
  );
  if (added.length > 0) await announce(db);
  return added.length;
}
