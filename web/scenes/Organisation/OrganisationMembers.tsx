import { Divider, Text } from '@mantine/core';
import { Fragment } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { directoryApi } from '../../api/directory.ts';
import { keys } from '../../api/keys.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { EmptyState, ErrorState, PageLoader } from '../../components/PageState.tsx';
import { PersonCardItem } from '../../components/PersonCardItem.tsx';
import { usePagedQuery } from '../../hooks/usePagedQuery.ts';
import { useDateRange } from '../Profile/format.ts';

/**
 * Current or past members of an organisation, a page at a time, as the viewer may see them (the server
 * leaves out blocked members and network-only profiles outside the viewer's network), each with degree.
 */
export function OrganisationMembers({ slug, when, orgName }: { slug: string; when: 'current' | 'past'; orgName: string }) {
  const { t } = useTranslation('organisation');
  const dateRange = useDateRange();
  const query = usePagedQuery(keys.organisationMembers(slug, when), (cursor) => directoryApi.organisationMembers(slug, when, cursor));
  if (query.isPending) return <PageLoader label={t('members.loading')} />;
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const people = query.data.pages.flatMap((p) => p.items);
  if (people.length === 0) {
    return (
      <EmptyState title={t(when === 'current' ? 'members.noCurrent' : 'members.noPast')}>
        <Trans
          t={t}
          i18nKey={when === 'current' ? 'members.noCurrentBody' : 'members.noPastBody'}
          values={{ name: orgName }}
          components={{ bdi: <bdi /> }}
        />
      </EmptyState>
    );
  }
  return (
    <>
      <ul aria-label={t(when === 'current' ? 'members.current' : 'members.past')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {people.map((person, i) => (
          <Fragment key={`${person.id}-${i}`}>
            {i > 0 && <Divider component="li" aria-hidden />}
            <li>
              <PersonCardItem
                person={person}
                extra={
                  <Text size="xs">
                    <bdi>{person.role}</bdi>
                    {person.startDate ? ` · ${dateRange(person.startDate, person.endDate)}` : ''}
                  </Text>
                }
              />
            </li>
          </Fragment>
        ))}
      </ul>
      <LoadMore query={query} mt="sm" />
    </>
  );
}
