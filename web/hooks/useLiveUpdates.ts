import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { keys } from '../api/keys.ts';

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
 * EventSource reconnects by itself; on reconnecting, everything it feeds is reloaded, since updates sent
 * while it was away are not replayed.
 */
export function useLiveUpdates(enabled: boolean): void {
  const client = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/v1/events');
    let opened = false;
    const refresh = (type: string) => {
      for (const key of REFRESHES[type] ?? []) void client.invalidateQueries({ queryKey: key });
    };
    source.onopen = () => {
      if (opened) for (const type of Object.keys(REFRESHES)) refresh(type);
      opened = true;
    };
    const listeners = Object.keys(REFRESHES).map((type) => {
      const listener = () => refresh(type);
      source.addEventListener(type, listener);
      return [type, listener] as const;
    });
    return () => {
      for (const [type, listener] of listeners) source.removeEventListener(type, listener);
      source.close();
    };
  }, [client, enabled]);
}
