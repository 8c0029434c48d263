import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { setCsrfToken } from '../api/client.ts';
import { keys } from '../api/keys.ts';
import { authApi } from '../api/auth.ts';
import type { SessionStarted } from '../api/types.ts';

/** Session transitions: adopt a new session (sign-up, sign-in, password change) or end it. */
export function useSession() {
  const queryClient = useQueryClient();

  const adopt = useCallback(
    async (session: SessionStarted) => {
      setCsrfToken(session.csrfToken);
      await queryClient.invalidateQueries({ queryKey: keys.me });
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(keys.me, null);
    }
  }, [queryClient]);

  return { adopt, signOut };
}
