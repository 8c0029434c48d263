import { Button, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Settings → "Bring your network": the way to the import page (web/scenes/Import). */
export function ImportCard() {
  const { t } = useTranslation('imports');
  return (
    <Paper p="lg" radius="md" component="section" aria-labelledby="import-card-heading">
      <Title order={2} fz="h4" id="import-card-heading" mb={4}>
        {t('link.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('link.body')}
      </Text>
      <Button component={Link} to="/settings/import" variant="light">
        {t('link.open')}
      </Button>
    </Paper>
  );
}
