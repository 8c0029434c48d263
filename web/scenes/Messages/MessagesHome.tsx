import { Paper } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { EmptyState, NextSteps } from '../../components/PageState.tsx';

/** /messages with nothing open: beside the list on a wide screen (a phone shows only the list). */
export function MessagesHome() {
  const { t } = useTranslation('messages');
  useDocumentTitle(`${t('page.title')} · Rapport`);
  return (
    <Paper p="md" radius="md">
      <EmptyState title={t('home.title')} action={<NextSteps steps={[{ to: '/messages/new', label: t('page.newMessage') }]} />}>
        {t('home.body')}
      </EmptyState>
    </Paper>
  );
}
