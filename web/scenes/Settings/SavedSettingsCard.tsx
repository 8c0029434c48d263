import { Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type QueryKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client.ts';
import { ErrorState, PageLoader } from '../../components/PageState.tsx';
import { useScrollToHash } from '../../hooks/useScrollToHash.ts';

interface SavedSettingsCardProps<T, P> {
  /** The section's id, so other pages can link to it (`/settings#id`). */
  id: string;
  /** The i18n namespace holding `settings.title`, `settings.intro`, `settings.loading` and `settings.saved`. */
  namespace: 'notifications' | 'messages';
  queryKey: QueryKey;
  load: () => Promise<T>;
  /** Saves a change and answers the settings as stored. */
  save: (change: P) => Promise<T>;
  /** The controls, given the stored settings, a way to save a change, and whether a save is under way. */
  children: (settings: T, save: (change: P) => void, saving: boolean) => ReactNode;
}

/**
 * A Settings section whose choices are saved as soon as they change: loads them, shows loading and errors,
 * confirms each save and says why one failed. Email notifications and who can message you are two.
 */
export function SavedSettingsCard<T, P>({ id, namespace, queryKey, load, save, children }: SavedSettingsCardProps<T, P>) {
  const { t } = useTranslation(namespace);
  const client = useQueryClient();
  const query = useQuery({ queryKey, queryFn: load });
  const saving = useMutation({
    mutationFn: save,
    onSuccess: (saved) => {
      client.setQueryData(queryKey, saved);
      notifications.show({ color: 'teal', message: t('settings.saved') });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
  const ref = useRef<HTMLElement>(null);
  useScrollToHash(id, ref, query.isSuccess);
  return (
    <Paper ref={ref} tabIndex={-1} p="lg" radius="md" component="section" aria-labelledby={`${id}-heading`} id={id}>
      <Title order={2} fz="h4" id={`${id}-heading`} mb={4}>
        {t('settings.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('settings.intro')}
      </Text>
      {query.isPending && <PageLoader label={t('settings.loading')} />}
      {query.error && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (
        <Stack gap="sm">{children(query.data, (change) => saving.mutate(change), saving.isPending)}</Stack>
      )}
    </Paper>
  );
}
