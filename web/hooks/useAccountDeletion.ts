import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { deletionApi, deletionKeys } from '../api/deletion.ts';
import { useMe } from './useMe.ts';

/** Whether the signed-in member's account is scheduled for deletion, and the cancel that the banner and the card share. */
export function useAccountDeletion() {
  const { data: me } = useMe();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const state = useQuery({ queryKey: deletionKeys.mine, queryFn: deletionApi.get, enabled: Boolean(me), staleTime: 60_000 });
  const cancel = useMutation({
    mutationFn: deletionApi.cancel,
    onSuccess: (view) => {
      queryClient.setQueryData(deletionKeys.mine, view);
      notifications.show({ color: 'teal', message: t('deletion.cancelled') });
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: deletionKeys.mine }),
  });
  return { state, cancel };
}
