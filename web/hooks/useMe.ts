import { useQuery } from '@tanstack/react-query';
import { meApi } from '../api/me.ts';
import { keys } from '../api/keys.ts';

/** The signed-in member (null when signed out); every page shares this one cached query. */
export function useMe() {
  return useQuery({ queryKey: keys.me, queryFn: meApi.get, staleTime: 30_000 });
}
