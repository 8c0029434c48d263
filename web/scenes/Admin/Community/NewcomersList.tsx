import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CommunityNewcomer } from '../../../api/community.ts';
import { useFormat } from '../../../i18n/format.ts';
import { NewcomerHelp } from './NewcomerHelp.tsx';

/** Members who joined two to eight weeks ago with fewer than 3 connections, each with the ways to help them in. */
export function NewcomersList({ newcomers }: { newcomers: CommunityNewcomer[] }) {
  const { t } = useTranslation('admin');
  const format = useFormat();
  const titleId = useId();
  return (
    <Stack gap="xs" component="section" aria-labelledby={titleId} data-testid="community-newcomers">
      <Title order={2} fz="h5" id={titleId}>
        {t('community.newcomers.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('community.newcomers.intro')}
      </Text>
      {newcomers.length === 0 ? (
        <Text size="sm">{t('community.newcomers.empty')}</Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {newcomers.map((n) => (
            <Paper component="li" key={n.handle} p="sm" radius="md" withBorder data-testid="community-newcomer">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Stack gap={2}>
                  <Anchor component={Link} to={`/in/${n.handle}`} fw={600}>
                    {n.name}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {t('community.newcomers.joined', { when: format.timeAgo(n.joinedAt) })}
                  </Text>
                  <Text size="xs" c="dimmed" data-testid="community-newcomer-connections">
                    {t('community.newcomers.connections', { count: n.connections })}
                  </Text>
                </Stack>
                <NewcomerHelp newcomer={n} />
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
