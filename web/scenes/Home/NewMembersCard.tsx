import { Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type MemberFilters, directoryApi } from '../../api/directory.ts';
import { keys } from '../../api/keys.ts';
import { ErrorState, NextSteps, PageLoader } from '../../components/PageState.tsx';
import { PeopleList } from '../../components/PeopleList.tsx';

const NEWEST: MemberFilters = { sort: 'newest', limit: 3 };

/**
 * The newest members, on the home page: in a young community the people who just joined are the ones
 * most open to connecting, and the directory and suggestions are one click on.
 */
export function NewMembersCard() {
  const { t } = useTranslation('home');
  const query = useQuery({ queryKey: keys.directory(NEWEST), queryFn: () => directoryApi.members(NEWEST) });
  return (
    <Paper p="lg" radius="md" component="section" aria-labelledby="new-members-heading">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="new-members-heading">
          {t('newMembers.title')}
        </Title>
        {query.isPending ? (
          <PageLoader label={t('newMembers.loading')} />
        ) : query.error ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : query.data.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('newMembers.empty')}
          </Text>
        ) : (
          <PeopleList people={query.data.items} label={t('newMembers.title')} context="directory" />
        )}
        <NextSteps
          steps={[
            { to: '/members', label: t('newMembers.browse') },
            { to: '/network?tab=suggestions', label: t('newMembers.suggestions') },
          ]}
        />
      </Stack>
    </Paper>
  );
}
