/**
 * Fetching link previews after the post commits (docs/feed.md, "Link previews"). A post's transaction
 * writes a 'pending' row (commands/posts/link-preview.ts); `post.created` and `post.edited` wake the worker
 * (events/processors/link-previews.ts), and a timer picks up whatever a crash or a retry left pending.
 *
 * `refreshLinkPreview` is the whole job for one post, so it moves as it is onto the Postgres job queue
 * when that lands (one job per post id, retried by the queue instead of by `due_at`).
 */
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { LinkPreviewConfig } from '../config.ts';
import { type Db, rows } from '../db/connection.ts';
import { type EncodedImage, ImageRefused, reencodeImage } from '../media/images.ts';
import { FetchRefused, type FetchFailure, guardedFetch, RETRYABLE } from '../previews/fetch.ts';
import { decodePage, readPageMeta } from '../previews/meta.ts';

export interface LinkPreviewDeps {
  db: Db;
  config: LinkPreviewConfig;
  /** Sent as the User-Agent, so a site can tell who is asking. */
  userAgent: string;
  signal?: AbortSignal;
}

/** Tries per post before a retryable failure is final. */
export const MAX_ATTEMPTS = 3;
/** The longest side of a preview's image as stored. */
const PREVIEW_IMAGE_PIXELS = 800;
const isHtml = (type: string) => type === 'text/html' || type === 'application/xhtml+xml';
/** The declared type only spares downloading what is plainly no image; the content decides (sharp). */
const mayBeImage = (type: string) => type === '' || type.startsWith('image/') || type === 'application/octet-stream';

export type PreviewOutcome = 'ready' | 'failed' | 'retry' | 'skipped';
type Failure = FetchFailure | 'no_title';

/**
 * Fetches the preview of a post's pending link and stores it ('ready'), or why there is none ('failed',
 * or pending again later for a failure that may pass). Never throws for anything a page does; what it
 * writes applies only while the post still has that link pending, so an edit in between wins.
 */
export async function refreshLinkPreview(deps: LinkPreviewDeps, postId: number): Promise<PreviewOutcome> {
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
    if (!meta.title) return await fail(deps, still, row.attempts, 'no_title');
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
    if (!(err instanceof FetchRefused)) throw err;
    return fail(deps, still, row.attempts, err.code);
  }
}

async function fail(deps: LinkPreviewDeps, still: ReturnType<typeof sql>, attempts: number, code: Failure): Promise<PreviewOutcome> {
  const again = code !== 'no_title' && RETRYABLE.has(code) && attempts + 1 < MAX_ATTEMPTS;
  // A retry waits longer each time: 1 minute, then 4.
  await deps.db.execute(sql`
    UPDATE post_link_previews
       SET status = ${again ? 'pending' : 'failed'}, attempts = attempts + 1, failure = ${code}, fetched_at = now(),
           due_at = now() + ${`${(attempts + 1) ** 2} minutes`}::interval
     WHERE ${still}`);
  return again ? 'retry' : 'failed';
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
 * Works off pending previews: when kicked after a post commits, and on a timer. Concurrent kicks coalesce
 * into one more pass; a pass fetches a few at a time. Stopping aborts fetches in flight (they stay pending).
 */
export class LinkPreviewWorker {
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private readonly stopping = new AbortController();

  constructor(
    private readonly deps: Omit<LinkPreviewDeps, 'signal'>,
    private readonly log: FastifyBaseLogger,
    private readonly batch = 4,
  ) {}

  start(intervalMs = 60_000): void {
    this.timer = setInterval(() => void this.kick(), intervalMs);
    this.timer.unref();
    void this.kick();
  }

  /** Fetches whatever is due; resolves when idle. Never rejects: a failed pass is logged and the timer tries again. */
  kick(): Promise<void> {
    if (this.stopping.signal.aborted) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.pass().catch((err: unknown) => this.log.error({ err }, 'link preview pass failed'));
      } while (this.again && !this.stopping.signal.aborted);
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.stopping.abort();
    await this.running;
  }

  private async pass(): Promise<void> {
    for (;;) {
      if (this.stopping.signal.aborted) return;
      const due = await rows<{ postId: string | number }>(
        this.deps.db,
        sql`SELECT post_id AS "postId" FROM post_link_previews WHERE status = 'pending' AND due_at <= now() ORDER BY due_at LIMIT ${this.batch}`,
      );
      if (due.length === 0) return;
      const deps = { ...this.deps, signal: this.stopping.signal };
      await Promise.all(
        due.map((r) =>
          refreshLinkPreview(deps, Number(r.postId)).catch(async (err: unknown) => {
            // Something no page should cause (a database error): give up on this one rather than pick it again and again.
            this.log.error({ err, postId: r.postId }, 'link preview failed');
            await this.deps.db.execute(sql`UPDATE post_link_previews SET status = 'failed', failure = 'internal' WHERE post_id = ${r.postId}`);
          }),
        ),
      );
    }
  }
}
