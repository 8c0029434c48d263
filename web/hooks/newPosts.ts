import { useSyncExternalStore } from 'react';

/**
 * The posts announced live since the feed was last loaded ("N new posts"): the event stream adds their ids
 * (useLiveUpdates), the home feed reads them and clears them when the member asks to see them. Ids only:
 * the feed loads the posts themselves through the API, with its privacy rules, when asked.
 */
let ids: ReadonlySet<number> = new Set();
const listeners = new Set<() => void>();
const emit = () => {
  for (const listener of listeners) listener();
};

export function noteNewPost(id: number): void {
  if (!Number.isSafeInteger(id) || ids.has(id)) return;
  ids = new Set([...ids, id]);
  emit();
}

export function clearNewPosts(): void {
  if (ids.size === 0) return;
  ids = new Set();
  emit();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The ids announced and not yet shown. */
export function useNewPosts(): ReadonlySet<number> {
  return useSyncExternalStore(subscribe, () => ids);
}
