import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Pager {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/** The "Load more" button under a cursor-paginated list; nothing once the last page is in. */
export function LoadMore({ query, mt }: { query: Pager; mt?: string }) {
  const { t } = useTranslation();
  if (!query.hasNextPage) return null;
  return (
    <Group justify="center" mt={mt}>
      <Button variant="default" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
        {t('actions.loadMore')}
      </Button>
    </Group>
  );
}
