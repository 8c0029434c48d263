import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';

/** Find a person by name, skill or headline straight from the home page. */
export function QuickSearch() {
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void navigate(`/search?q=${encodeURIComponent(q.trim())}`);
  };
  return (
    <Paper p="lg" radius="md">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          Find people
        </Title>
        <Text size="sm" c="dimmed">
          Search by name, headline or skill. Small typos are fine.
        </Text>
        <form role="search" aria-label="Find people" onSubmit={submit}>
          <Group gap="xs" wrap="nowrap" align="flex-end">
            <TextInput
              label="Name, headline or skill"
              placeholder="e.g. Ana Ruiz, product designer"
              value={q}
              onChange={(e) => setQ(e.currentTarget.value)}
              style={{ flex: 1 }}
            />
            <Button type="submit" leftSection={<IconSearch size={16} aria-hidden />}>
              Search
            </Button>
          </Group>
        </form>
      </Stack>
    </Paper>
  );
}
