import type { InfiniteData } from '@tanstack/react-query';
import type { PostView } from '../../api/posts.ts';
import type { Page } from '../../api/types.ts';

/**
 * Holding new posts back until the member asks for them ("Show 3 new posts"), so what they are reading never
 * moves: pure, so the rule is tested without a browser.
 *
 * The feed remembers the newest post it showed when it was loaded (the anchor). Any post written after it
 * that a later reload brings (a reload the member's own comment or deletion caused) is held back and counted,
 * with those the event stream announced; the member's own posts are never held (they appear where written).
 */

/** The newest creation time among the loaded posts, or null when there are none (nothing to hold behind). */
export function newestOf(data: InfiniteData<Page<PostView>> | undefined): string | null {
  let newest: string | null = null;
  for (const page of data?.pages ?? []) for (const p of page.items) if (newest === null || p.createdAt > newest) newest = p.createdAt;
  return newest;
}

/** The pages with the held posts left out, and how many posts wait (held, or announced and not shown). */
export function holdNewPosts(
  data: InfiniteData<Page<PostView>> | undefined,
  anchor: string | null,
  myHandle: string | undefined,
  announced: ReadonlySet<number>,
): { data: InfiniteData<Page<PostView>> | undefined; waiting: number } {
  if (!data) return { data, waiting: announced.size };
  const held = (p: PostView) => anchor !== null && p.createdAt > anchor && p.author.handle !== myHandle;
  const waiting = new Set<number>();
  const shown = new Set<number>();
  const pages = data.pages.map((page) => {
    const items = page.items.filter((p) => {
      if (held(p)) waiting.add(p.id);
      else shown.add(p.id);
      return !held(p);
    });
    return items.length === page.items.length ? page : { ...page, items };
  });
  for (const id of announced) if (!shown.has(id)) waiting.add(id);
  return { data: waiting.size === 0 && pages.every((p, i) => p === data.pages[i]) ? data : { ...data, pages }, waiting: waiting.size };
}
