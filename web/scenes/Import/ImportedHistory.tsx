import { Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type ImportedHistoryItem, importsApi } from '../../api/imports.ts';
import { ErrorState, PageLoader } from '../../components/PageState.tsx';
import { useFormat } from '../../i18n/format.ts';
import { importedHistoryKey } from './keys.ts';

/**
 * Endorsements and recommendations the member received elsewhere (a LinkedIn archive's
 * Endorsement_Received_Info.csv and Recommendations_Received.csv), shown as their imported history: plain
 * text with who and when, never styled or counted like the live endorsements members give each other here.
 */
export function ImportedHistory() {
  const { t } = useTranslation('imports');
  const history = useQuery({ queryKey: importedHistoryKey, queryFn: importsApi.history });
  return (
    <Paper p="lg" radius="md" component="section" aria-labelledby="import-history-heading">
      <Title order={2} fz="h4" id="import-history-heading" mb={4}>
        {t('history.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('history.intro')}
      </Text>
      {history.isPending ? (
        <PageLoader />
      ) : history.error ? (
        <ErrorState error={history.error} onRetry={() => void history.refetch()} />
      ) : history.data.items.length === 0 ? (
        <Text size="sm">{t('history.none')}</Text>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} aria-label={t('history.label')} style={{ listStyle: 'none' }}>
          {history.data.items.map((item) => (
            <HistoryItem key={item.id} item={item} />
          ))}
        </Stack>
      )}
    </Paper>
  );
}

function HistoryItem({ item }: { item: ImportedHistoryItem }) {
  const { t } = useTranslation('imports');
  const format = useFormat();
  const { name, title, organisation } = item.person;
  const heading =
    item.kind === 'recommendation'
      ? t('history.recommendation', { name })
      : item.skill
        ? t('history.endorsement', { name, skill: item.skill })
        : t('history.endorsementNoSkill', { name });
  return (
    <li style={{ overflowWrap: 'anywhere' }}>
      <Text size="sm" fw={600} dir="auto">
        {heading}
      </Text>
      {title && organisation && (
        <Text size="xs" c="dimmed" dir="auto">
          {t('history.role', { title, organisation })}
        </Text>
      )}
      {item.text && (
        <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-line' }}>
          {item.text}
        </Text>
      )}
      {item.dated && (
        <Text size="xs" c="dimmed">
          {/* Stored as the archive gave it: an ISO date, or kept as written when it was not one. */}
          {t('history.dated', { date: Number.isNaN(Date.parse(item.dated)) ? item.dated : format.date(item.dated) })}
        </Text>
      )}
    </li>
  );
}
