import { Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
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
  const query = useQuery({ queryKey: keys.directory(NEWEST), queryFn: () => directoryApi.members(NEWEST) });
  return (
    <Paper p="lg" radius="md" component="section" aria-labelledby="new-members-heading">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="new-members-heading">
          New members
        </Title>
        {query.isPending ? (
          <PageLoader label="Loading members…" />
        ) : query.error ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : query.data.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            No one else has joined yet. Complete your profile, so the people who join next can find you.
          </Text>
        ) : (
          <PeopleList people={query.data.items} label="New members" context="directory" />
        )}
        <NextSteps
          steps={[
            { to: '/members', label: 'Browse all members' },
            { to: '/network?tab=suggestions', label: 'People you may know' },
          ]}
        />
      </Stack>
    </Paper>
  );
}
