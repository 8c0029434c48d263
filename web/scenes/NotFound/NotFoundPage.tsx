import { Button, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/PageState.tsx';

export function NotFoundPage() {
  const { t } = useTranslation('account');
  useDocumentTitle(t('notFound.documentTitle'));
  return (
    <>
      <Title order={1} fz="h2" ta="center" mt="xl">
        {t('notFound.title')}
      </Title>
      <EmptyState
        title={t('notFound.emptyTitle')}
        action={
          <Button component={Link} to="/">
            {t('notFound.goHome')}
          </Button>
        }
      >
        {t('notFound.body')}
      </EmptyState>
    </>
  );
}
