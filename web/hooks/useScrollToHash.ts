import { type RefObject, useEffect } from 'react';
import { useLocation } from 'react-router';

/**
 * Brings a section into view and gives it focus when the URL points at it (…#screening), once its
 * content has loaded: a client-rendered page is not there yet when the browser would scroll.
 */
export function useScrollToHash(id: string, ref: RefObject<HTMLElement | null>, ready: boolean): void {
  const { hash } = useLocation();
  useEffect(() => {
    if (ready && hash === `#${id}`) {
      ref.current?.scrollIntoView({ block: 'start' });
      ref.current?.focus();
    }
  }, [ready, hash, id, ref]);
}
