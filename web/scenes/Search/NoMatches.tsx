import { Button, Group, List, Stack, Text } from '@mantine/core';
import { IconAddressBook } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '../../components/PageState.tsx';
import type { FilterValues } from './SearchFiltersPanel.tsx';

/** The member directory with the filters it shares with search (organisation, industry) carried over. */
export function directoryLink(values: FilterValues): string {
  const params = new URLSearchParams();
  if (values.organisation) {
    params.set('organisation', values.organisation);
    params.set('orgName', values.orgName);
  }
  if (values.industry) params.set('industry', values.industry);
  const qs = params.toString();
  return qs ? `/members?${qs}` : '/members';
}

interface Props {
  q: string;
  hasFilters: boolean;
  directoryLink: string;
  onClearFilters: () => void;
}

/** Search found no one: say why that may be, and offer the ways on (fewer filters, the whole directory). */
export function NoMatches({ q, hasFilters, directoryLink: toDirectory, onClearFilters }: Props) {
  return (
    <EmptyState
      title="No matches"
      action={
        <Group gap="xs" justify="center">
          {hasFilters && (
            <Button variant="light" size="xs" onClick={onClearFilters}>
              Clear filters
            </Button>
          )}
          <Button component={Link} to={toDirectory} variant="default" size="xs" leftSection={<IconAddressBook size={14} aria-hidden />}>
            Browse all members
          </Button>
        </Group>
      }
    >
      <Stack gap={6} align="center">
        <Text size="sm" c="dimmed">
          {q ? `No one matches '${q}'.` : 'No one matches these filters.'}
        </Text>
        <List size="sm" c="dimmed" ta="left" aria-label="Search tips">
          {q && <List.Item>Try a shorter part of the name, or another spelling: small typos are forgiven.</List.Item>}
          {q && <List.Item>Search a skill, an organisation or a place instead of a whole sentence.</List.Item>}
          {hasFilters && <List.Item>Filters match only members who share their full profile with you; remove one to see more.</List.Item>}
          <List.Item>Browse the member directory to see everyone, newest first.</List.Item>
        </List>
      </Stack>
    </EmptyState>
  );
}
