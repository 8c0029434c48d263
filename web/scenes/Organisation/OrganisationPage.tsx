import { Group, Paper, Stack, Tabs, Text, ThemeIcon, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconBuilding } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { directoryApi } from '../../api/directory.ts';
import { keys } from '../../api/keys.ts';
import { EmptyState, ErrorState, PageLoader } from '../../components/PageState.tsx';
import { OrganisationMembers } from './OrganisationMembers.tsx';

export function OrganisationPage() {
  // The person cards' words load with the page's, not after them (one wait, not two).
  const { t } = useTranslation(['organisation', 'people']);
  const { slug = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const when = params.get('when') === 'past' ? 'past' : 'current';
  const navigate = useNavigate();
  const query = useQuery({ queryKey: keys.organisation(slug), queryFn: () => directoryApi.organisation(slug) });
  useDocumentTitle(`${query.data ? query.data.name : t('documentTitle')} · Rapport`);
  // An operator merged this organisation into another: the server answers with that one, so go to its address.
  const merged = query.data && query.data.slug !== slug ? query.data.slug : null;
  useEffect(() => {
    if (merged) void navigate({ pathname: `/org/${merged}`, search: params.toString() }, { replace: true });
  }, [merged, navigate, params]);

  if (query.isPending) return <PageLoader label={t('loading')} />;
  if (query.error instanceof ApiError && query.error.status === 404) {
    return (
      <EmptyState title={t('notFound.title')} headingLevel={1}>
        {t('notFound.body')}
      </EmptyState>
    );
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
              {t('counts', { current: org.currentCount, past: org.pastCount })}
            </Text>
          </Stack>
        </Group>
      </Paper>
      <Paper p="md" radius="md">
        <Tabs value={when} onChange={(v) => setParams(v === 'past' ? { when: 'past' } : {}, { replace: true })}>
          <Tabs.List>
            <Tabs.Tab value="current">{t('tabs.current', { count: org.currentCount })}</Tabs.Tab>
            <Tabs.Tab value="past">{t('tabs.past', { count: org.pastCount })}</Tabs.Tab>
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
