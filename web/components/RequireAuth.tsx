import { Navigate, Outlet, useLocation } from 'react-router';
import { useLiveUpdates } from '../hooks/useLiveUpdates.ts';
import { useMe } from '../hooks/useMe.ts';
import { ErrorState, PageLoader } from './PageState.tsx';

/** Shows nested routes to signed-in members; sends everyone else to sign in and back. */
export function RequireAuth() {
  const { data: me, isPending, error, refetch } = useMe();
  const location = useLocation();
  useLiveUpdates(Boolean(me));
  if (isPending) return <PageLoader />;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!me) return <Navigate to={`/signin?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <Outlet />;
}

/**
 * Sign-in and sign-up make no sense when already signed in. While the page's own sign-in is in flight
 * (busy) it navigates by itself, so the guard stands aside.
 */
export function useSignedInRedirect(busy: boolean) {
  const { data: me, isPending } = useMe();
  if (busy || isPending || !me) return null;
  return <Navigate to="/" replace />;
}
