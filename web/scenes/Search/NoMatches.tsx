import { Button, Group, List, Stack, Text } from '@mantine/core';
import { IconAddressBook } from '@tabler/icons-react';
import { Trans, useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('search');
  return (
    <EmptyState
      title={t('noMatches.title')}
      action={
        <Group gap="xs" justify="center">
          {hasFilters && (
            <Button variant="light" size="xs" onClick={onClearFilters}>
              {t('noMatches.clear')}
            </Button>
          )}
          <Button component={Link} to={toDirectory} variant="default" size="xs" leftSection={<IconAddressBook size={14} aria-hidden />}>
            {t('noMatches.browse')}
          </Button>
        </Group>
      }
    >
      <Stack gap={6} align="center">
        <Text size="sm" c="dimmed">
          {q ? <Trans t={t} i18nKey="noMatches.forQuery" values={{ q }} components={{ bdi: <bdi /> }} /> : t('noMatches.forFilters')}
        </Text>
        <List size="sm" c="dimmed" ta="left" aria-label={t('noMatches.tips')}>
          {q && <List.Item>{t('noMatches.tipShorter')}</List.Item>}
          {q && <List.Item>{t('noMatches.tipTopic')}</List.Item>}
          {hasFilters && <List.Item>{t('noMatches.tipFilters')}</List.Item>}
          <List.Item>{t('noMatches.tipDirectory')}</List.Item>
        </List>
      </Stack>
    </EmptyState>
  );
}
