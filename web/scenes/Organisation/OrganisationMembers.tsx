import { Button, Divider, Group, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Fragment } from 'react';
import { directoryApi } from '../../api/directory.ts';
import { keys } from '../../api/keys.ts';
import { EmptyState, ErrorState, PageLoader } from '../../components/PageState.tsx';
import { PersonCardItem } from '../../components/PersonCardItem.tsx';
import { formatRange } from '../Profile/format.ts';

/** Current or past members of an organisation, a page at a time. */
export function OrganisationMembers({ slug, when, orgName }: { slug: string; when: 'current' | 'past'; orgName: string }) {
  const query = useInfiniteQuery({
    queryKey: keys.organisationMembers(slug, when),
    queryFn: ({ pageParam }) => directoryApi.organisationMembers(slug, when, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  if (query.isPending) return <PageLoader label="Loading members…" />;
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const people = query.data.pages.flatMap((p) => p.items);
  if (people.length === 0) {
    return (
      <EmptyState title={when === 'current' ? 'No current members yet' : 'No past members yet'}>
        {when === 'current'
          ? `Nobody lists ${orgName} as their current workplace yet.`
          : `Nobody lists a finished position at ${orgName} yet.`}
      </EmptyState>
    );
  }
  return (
    <>
      <ul aria-label={when === 'current' ? 'Current members' : 'Past members'} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {people.map((person, i) => (
          <Fragment key={`${person.id}-${i}`}>
            {i > 0 && <Divider component="li" aria-hidden />}
            <li>
              <PersonCardItem
                person={person}
                extra={
                  <Text size="xs">
                    {person.role}
                    {person.startDate ? ` · ${formatRange(person.startDate, person.endDate)}` : ''}
                  </Text>
                }
              />
            </li>
          </Fragment>
        ))}
      </ul>
      {query.hasNextPage && (
        <Group justify="center" mt="sm">
          <Button variant="default" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            Load more
          </Button>
        </Group>
      )}
    </>
  );
}
