import type { LinkPreviewWorker } from '../../jobs/link-previews.ts';
import type { Processor } from '../processor.ts';

/**
 * Wakes the link preview worker once a post is written or edited, so its preview is fetched now rather than
 * on the worker's timer. Only a wake-up: the request is the 'pending' row the post's transaction wrote.
 */
export class LinkPreviewProcessor implements Processor<'post.created' | 'post.edited'> {
  readonly name = 'link-preview-wake';
  readonly kinds = ['post.created', 'post.edited'] as const;

  constructor(private readonly worker: LinkPreviewWorker) {}

  handle(): void {
    // Not awaited: a fetch may take seconds, and the request that committed must not wait on it.
    void this.worker.kick();
  }
}
