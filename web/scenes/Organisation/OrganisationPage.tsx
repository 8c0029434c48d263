import { Group, Paper, Stack, Tabs, Text, ThemeIcon, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconBuilding } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { directoryApi } from '../../api/directory.ts';
import { keys } from '../../api/keys.ts';
import { EmptyState, ErrorState, PageLoader } from '../../components/PageState.tsx';
import { OrganisationMembers } from './OrganisationMembers.tsx';

export function OrganisationPage() {
  const { slug = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const when = params.get('when') === 'past' ? 'past' : 'current';
  const navigate = useNavigate();
  const query = useQuery({ queryKey: keys.organisation(slug), queryFn: () => directoryApi.organisation(slug) });
  useDocumentTitle(query.data ? `${query.data.name} · Rapport` : 'Organisation · Rapport');
  // An operator merged this organisation into another: the server answers with that one, so go to its address.
  const merged = query.data && query.data.slug !== slug ? query.data.slug : null;
  useEffect(() => {
    if (merged) void navigate({ pathname: `/org/${merged}`, search: params.toString() }, { replace: true });
  }, [merged, navigate, params]);

  if (query.isPending) return <PageLoader label="Loading organisation…" />;
  if (query.error instanceof ApiError && query.error.status === 404) {
    return <EmptyState title="Organisation not found" headingLevel={1}>No member lists this organisation.</EmptyState>;
  }
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const org = query.data;

  return (
    <Stack gap="lg">
      <Paper p={{ base: 'md', sm: 'xl' }} radius="md">
        <Group gap="lg">
          <ThemeIcon size={72} radius="md" variant="light" aria-hidden>
            <IconBuilding size={40} />
          </ThemeIcon>
          <Stack gap={4}>
            <Title order={1} fz="h2" dir="auto">
              {org.name}
            </Title>
            <Text c="dimmed">
              {org.currentCount} current · {org.pastCount} past member{org.pastCount === 1 ? '' : 's'} on Rapport
            </Text>
          </Stack>
        </Group>
      </Paper>
      <Paper p="md" radius="md">
        <Tabs value={when} onChange={(v) => setParams(v === 'past' ? { when: 'past' } : {}, { replace: true })}>
          <Tabs.List>
            <Tabs.Tab value="current">Current ({org.currentCount})</Tabs.Tab>
            <Tabs.Tab value="past">Past ({org.pastCount})</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="current" pt="sm">
            {when === 'current' && <OrganisationMembers slug={org.slug} when="current" orgName={org.name} />}
          </Tabs.Panel>
          <Tabs.Panel value="past" pt="sm">
            {when === 'past' && <OrganisationMembers slug={org.slug} when="past" orgName={org.name} />}
          </Tabs.Panel>
        </Tabs>
      </Paper>
    </Stack>
  );
}
