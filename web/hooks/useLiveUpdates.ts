import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { keys } from '../api/keys.ts';
import { clearNewPosts, noteNewPost } from './newPosts.ts';

/**
 * What each live update refreshes. The server's stream (GET /api/v1/events) says what changed, with ids and
 * no text; the page reloads it through the API, so what it shows passes the same privacy rules as ever.
 */
const REFRESHES: Record<string, readonly (readonly unknown[])[]> = {
  invitation: [keys.network],
  network: [keys.network, keys.me],
  notification: [keys.notifications],
  // A message reached this member (inbox or Requests): the lists, the badge and an open conversation reload.
  message: [keys.conversations],
};

/**
 * Keeps the signed-in member's pages current while they are open: the invitations badge, their network,
 * the bell and their messages.
 * EventSource reconnects by itself, sending the last event's id (`Last-Event-ID`); the server, whichever
 * process answers, first replays what this page missed meanwhile, so nothing needs reloading then. When
 * that is too far back to replay, it sends `resync` instead, and everything the stream feeds is reloaded.
 * A new post in the member's feed (`post`) refreshes nothing: the feed offers it ("N new posts",
 * web/hooks/newPosts.ts) and loads it only when asked, so what is being read never moves.
 */
export function useLiveUpdates(enabled: boolean): void {
  const client = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/v1/events');
    const refresh = (type: string) => {
      for (const key of REFRESHES[type] ?? []) void client.invalidateQueries({ queryKey: key });
    };
    const listeners: [string, (event: MessageEvent<string>) => void][] = Object.keys(REFRESHES).map((type) => [type, () => refresh(type)]);
    listeners.push(['post', (event) => noteNewPost(postIdOf(event.data))]);
    listeners.push([
      'resync',
      () => {
        for (const type of Object.keys(REFRESHES)) refresh(type);
      },
    ]);
    for (const [type, listener] of listeners) source.addEventListener(type, listener);
    return () => {
      for (const [type, listener] of listeners) source.removeEventListener(type, listener);
      source.close();
      clearNewPosts();
    };
  }, [client, enabled]);
}

/** The post id of a `post` update (`{"postId": 12}`), or NaN for anything else (then ignored). */
function postIdOf(data: string): number {
  try {
    const value: unknown = JSON.parse(data);
    return typeof value === 'object' && value !== null && 'postId' in value ? Number(value.postId) : NaN;
  } catch {
    return NaN;
  }
}
