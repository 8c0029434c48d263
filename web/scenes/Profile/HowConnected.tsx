import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { keys } from '../../api/keys.ts';
import { networkApi } from '../../api/network.ts';
import type { PersonCard } from '../../api/types.ts';
import { PersonAvatar } from '../../components/PersonAvatar.tsx';
import { AskIntroductionDialog } from './AskIntroductionDialog.tsx';

const HEADING_ID = 'profile-how-connected';

/**
 * "How you're connected": the shortest introduction paths from the viewer to a 2nd- or 3rd-degree
 * member, each drawn as a chain of people. Social proof is best-effort, so a failed load says so
 * quietly instead of taking over the profile.
 */
export function HowConnected({ handle, name }: { handle: string; name: string }) {
  const { t } = useTranslation(['profile', 'introductions']);
  const query = useQuery({ queryKey: keys.paths(handle), queryFn: () => networkApi.paths(handle, 3), retry: false });
  const paths = query.data?.paths ?? [];
  const [asking, setAsking] = useState(false);
  return (
    <Paper component="section" aria-labelledby={HEADING_ID} p={{ base: 'md', sm: 'lg' }} radius="md">
      <Title order={2} fz="h4" id={HEADING_ID} mb="sm">
        {t('paths.title')}
      </Title>
      {query.isPending ? (
        <Text size="sm" c="dimmed" role="status">
          {t('paths.loading')}
        </Text>
      ) : query.error || paths.length === 0 ? (
        <Text size="sm" c="dimmed">
          <Trans t={t} i18nKey="paths.none" values={{ name }} components={{ bdi: <bdi /> }} />
        </Text>
      ) : (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('paths.ask')}
          </Text>
          {paths.map((path, i) => (
            <PathChain key={path.map((p) => p.id).join('-')} path={path} label={t('paths.path', { n: i + 1 })} />
          ))}
          <Group>
            <Button variant="light" onClick={() => setAsking(true)}>
              {t('introductions:ask.button')}
            </Button>
          </Group>
          <AskIntroductionDialog person={{ handle, name }} paths={paths} opened={asking} onClose={() => setAsking(false)} />
        </Stack>
      )}
    </Paper>
  );
}

/** One path as an ordered list; the first person is always the viewer, shown as "You". */
function PathChain({ path, label }: { path: PersonCard[]; label: string }) {
  const { t } = useTranslation('profile');
  return (
    <Group component="ol" aria-label={label} gap="xs" wrap="wrap" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {path.map((person, i) => (
        <Group component="li" key={person.id} gap="xs" wrap="nowrap">
          {i > 0 && <IconArrowRight size={16} aria-hidden color="var(--mantine-color-dimmed)" />}
          <PersonAvatar name={person.name} photoUrl={person.photoUrl} size={32} />
          {i === 0 ? (
            <Text size="sm" fw={600}>
              {t('paths.you')}
            </Text>
          ) : (
            <Anchor component={Link} to={`/in/${person.handle}`} size="sm" fw={600} underline="hover" dir="auto">
              {person.name}
            </Anchor>
          )}
        </Group>
      ))}
    </Group>
  );
}
