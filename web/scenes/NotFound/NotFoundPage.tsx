import { Button, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link } from 'react-router';
import { EmptyState } from '../../components/PageState.tsx';

export function NotFoundPage() {
  useDocumentTitle('Not found · Rapport');
  return (
    <>
      <Title order={1} fz="h2" ta="center" mt="xl">
        Page not found
      </Title>
      <EmptyState title="This page does not exist" action={<Button component={Link} to="/">Go home</Button>}>
        The link may be old, or the address mistyped.
      </EmptyState>
    </>
  );
}
