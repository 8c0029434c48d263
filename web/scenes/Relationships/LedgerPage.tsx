import { Avatar, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { keys } from '../../api/keys.ts';
import { type LedgerNudgeView, ledgerApi } from '../../api/ledger.ts';
import { PagedList } from '../../components/PagedList.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, NextSteps } from '../../components/PageState.tsx';
import { PersonAvatar } from '../../components/PersonAvatar.tsx';
import { PersonCardItem } from '../../components/PersonCardItem.tsx';
import { useFormat } from '../../i18n/format.ts';
import { BySubject, TallyLine } from './LedgerTally.tsx';

/**
 * Gives and asks: my reciprocity ledger, overall and with each person (the most recent first), and who in
 * my network asks for what I offer. Private: the server answers it to me alone.
 */
export function LedgerPage() {
  const { t } = useTranslation('relationships');
  const f = useFormat();
  // Each page carries the overall tally and the nudges too; the first page's are shown.
  const query = useInfiniteQuery({
    queryKey: keys.ledger,
    queryFn: ({ pageParam }) => ledgerApi.page(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const first = query.data?.pages[0];
  return (
    <>
      <PageHeader title={t('ledger.title')} description={t('ledger.description')} />
      <Stack gap="md">
        {first && (first.overall.given + first.overall.received + first.overall.asked + first.overall.asked_by > 0 || first.nudges.length > 0) && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Paper p="md" radius="md" component="section" aria-labelledby="ledger-overall">
              <Stack gap="xs">
                <Title order={2} fz="h4" id="ledger-overall">
                  {t('ledger.overall')}
                </Title>
                <TallyLine tally={first.overall} />
                <BySubject tally={first.overall} />
              </Stack>
            </Paper>
            {first.nudges.length > 0 && <Nudges nudges={first.nudges} />}
          </SimpleGrid>
        )}
        <Paper p="md" radius="md" component="section" aria-labelledby="ledger-people">
          <Title order={2} fz="h4" id="ledger-people" mb="xs">
            {t('ledger.people')}
          </Title>
          <PagedList
            query={query}
            label={t('ledger.people')}
            loadingLabel={t('ledger.loading')}
            empty={
              <EmptyState
                title={t('ledger.empty.title')}
                headingLevel={3}
                action={
                  <NextSteps
                    steps={[
                      { to: '/relationships', label: t('ledger.empty.people') },
                      { to: '/search', label: t('ledger.empty.search') },
                    ]}
                  />
                }
              >
                {t('ledger.empty.body')}
              </EmptyState>
            }
            renderItem={(p) => (
              <PersonCardItem
                person={p}
                extra={
                  <Stack gap={2}>
                    <TallyLine tally={p.ledger} />
                    <Text size="xs" c="dimmed">
                      {f.timeAgo(p.lastAt)}
                    </Text>
                  </Stack>
                }
              />
            )}
          />
        </Paper>
      </Stack>
    </>
  );
}

function Nudges({ nudges }: { nudges: LedgerNudgeView[] }) {
  const { t } = useTranslation('relationships');
  return (
    <Paper p="md" radius="md" component="section" aria-labelledby="ledger-nudges">
      <Stack gap="xs">
        <Title order={2} fz="h4" id="ledger-nudges">
          {t('ledger.nudges.title')}
        </Title>
        {nudges.map((n) => (
          <Stack key={n.offer} gap={4}>
            <Text size="sm">{t('ledger.nudges.line', { count: n.count, offer: n.offer })}</Text>
            <Avatar.Group>
              {n.people.map((p) => (
                <PersonAvatar key={p.id} name={p.name} photoUrl={p.photoUrl} size={28} />
              ))}
            </Avatar.Group>
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
