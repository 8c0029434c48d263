import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/client.ts';
import { keys } from '../api/keys.ts';

interface Options<TVars, TResult> {
  /**
   * A short confirmation to announce once the change is saved. It lives here rather than in a per-call
   * callback because the change often unmounts the button that made it (Connect becomes Pending).
   */
  success?: (vars: TVars, result: TResult) => ReactNode;
  /** Set when the caller shows the error itself (in a dialog, beside the field), so it is not announced twice. */
  quietErrors?: boolean;
  /**
   * Runs once the server has saved the change and before the lists refetch. A list that must keep an
   * answered item in place (so the next one does not slide under the pointer) marks it here: by the time
   * the refetched list arrives without it, it is already held.
   */
  onSaved?: (vars: TVars, result: TResult) => void;
}

/**
 * A change to a relationship (invite, answer, follow, block…). Any of them can change degrees, mutual
 * counts and buttons on every page that shows people (posts and comments too), so all of those refetch once it succeeds; failures
 * show the server's own explanation ("You have already invited this member.").
 */
export function useNetworkMutation<TVars, TResult = unknown>(fn: (vars: TVars) => Promise<TResult>, options: Options<TVars, TResult> = {}) {
  const queryClient = useQueryClient();
  const { t } = useTranslation('common');
  return useMutation({
    mutationFn: fn,
    onSuccess: async (result, vars) => {
      options.onSaved?.(vars, result);
      const message = options.success?.(vars, result);
      if (message) notifications.show({ color: 'teal', message });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['member'] }),
        queryClient.invalidateQueries({ queryKey: keys.network }),
        queryClient.invalidateQueries({ queryKey: ['search'] }),
        queryClient.invalidateQueries({ queryKey: ['directory'] }),
        // Posts and comments carry their authors' degrees and the Connect and Follow a comment offers.
        queryClient.invalidateQueries({ queryKey: keys.posts }),
        // My imported contacts show whether the member each matched is connected with me.
        queryClient.invalidateQueries({ queryKey: ['contacts'] }),
      ]);
    },
    onError: (error) => {
      if (!options.quietErrors) notifications.show({ color: 'red', title: t('notify.failed'), message: errorMessage(error) });
    },
  });
}
