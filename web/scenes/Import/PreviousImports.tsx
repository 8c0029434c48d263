import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { importsApi } from '../../api/imports.ts';
import { ErrorState, PageLoader } from '../../components/PageState.tsx';
import { useFormat } from '../../i18n/format.ts';
import { importListKey } from './keys.ts';

/** My previous imports, newest first, each reopening its report (?id= in the page's address). */
export function PreviousImports({ current }: { current: number | null }) {
  const { t } = useTranslation('imports');
  const format = useFormat();
  const list = useQuery({ queryKey: importListKey, queryFn: importsApi.list });
  return (
    <Paper p="lg" radius="md" component="section" aria-labelledby="import-previous-heading">
      <Title order={2} fz="h4" id="import-previous-heading" mb="sm">
        {t('previous.title')}
      </Title>
      {list.isPending ? (
        <PageLoader />
      ) : list.error ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Text size="sm">{t('previous.none')}</Text>
      ) : (
        <Stack component="ul" gap={6} p={0} m={0} aria-label={t('previous.label')} style={{ listStyle: 'none' }}>
          {list.data.items.map((item) => (
            <li key={item.id} style={{ overflowWrap: 'anywhere' }}>
              <Anchor component={Link} to={`/settings/import?id=${item.id}`} size="sm" aria-current={item.id === current ? 'true' : undefined}>
                {t('previous.line', { file: item.fileName, status: t(`status.${item.status}`), date: format.dateTime(item.createdAt) })}
              </Anchor>
            </li>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
