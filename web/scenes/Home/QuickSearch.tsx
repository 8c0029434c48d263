import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** Find a person by name, skill or headline straight from the home page. */
export function QuickSearch() {
  const navigate = useNavigate();
  const { t } = useTranslation('home');
  const [q, setQ] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void navigate(`/search?q=${encodeURIComponent(q.trim())}`);
  };
  return (
    <Paper p="lg" radius="md">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t('quickSearch.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('quickSearch.intro')}
        </Text>
        <form role="search" aria-label={t('quickSearch.title')} onSubmit={submit}>
          <Group gap="xs" wrap="nowrap" align="flex-end">
            <TextInput
              label={t('quickSearch.query')}
              placeholder={t('quickSearch.placeholder')}
              value={q}
              onChange={(e) => setQ(e.currentTarget.value)}
              style={{ flex: 1 }}
            />
            <Button type="submit" leftSection={<IconSearch size={16} aria-hidden />}>
              {t('quickSearch.submit')}
            </Button>
          </Group>
        </form>
      </Stack>
    </Paper>
  );
}
