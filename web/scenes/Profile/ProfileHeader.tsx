import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconMapPin, IconPencil } from '@tabler/icons-react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MemberProfileView } from '../../api/types.ts';
import { DegreeBadge } from '../../components/DegreeBadge.tsx';
import { PersonAvatar } from '../../components/PersonAvatar.tsx';
import { useCareerStageLabel } from '../../hooks/useCareerStageLabel.ts';
import { useProfileOptions } from '../../hooks/useProfileOptions.ts';
import { MutualConnections } from './MutualConnections.tsx';
import { WRAPPING_BADGE } from './ProfileSections.tsx';
import { ProfileActions } from './ProfileActions.tsx';

/** Photo, name, degree, headline, the facts that fit on one line, mutual connections and what the viewer can do. */
export function ProfileHeader({ profile }: { profile: MemberProfileView }) {
  const { t } = useTranslation('profile');
  const careerStage = useCareerStageLabel();
  const industries = useProfileOptions('industries');
  const functions = useProfileOptions('functions');
  const isSelf = profile.connection === 'self';
  const facts = [profile.industry && industries.label(profile.industry), profile.function && functions.label(profile.function), profile.careerStage ? careerStage(profile.careerStage) : null].filter(
    (f): f is string => Boolean(f),
  );
  return (
    <Paper p={{ base: 'md', sm: 'xl' }} radius="md">
      <Group align="flex-start" gap="xl" wrap="wrap">
        <PersonAvatar name={profile.name} photoUrl={profile.photoUrl} size={120} decorative={false} />
        <Stack gap={6} style={{ flex: 1, minWidth: 220 }}>
          <Group gap="sm">
            <Title order={1} fz="h2" dir="auto">
              {profile.name}
            </Title>
            {isSelf ? (
              <Badge variant="light" color="gray" size="sm">
                {t('header.you')}
              </Badge>
            ) : (
              <DegreeBadge degree={profile.degree} showOutOfNetwork />
            )}
          </Group>
          {profile.headline && (
            <Text size="lg" dir="auto">
              {profile.headline}
            </Text>
          )}
          {profile.location && (
            <Group gap={4} c="dimmed">
              <IconMapPin size={16} aria-hidden />
              <Text size="sm" dir="auto">
                {profile.location}
              </Text>
            </Group>
          )}
          {facts.length > 0 && (
            <Group gap="xs" mt={4}>
              {facts.map((f) => (
                <Badge key={f} variant="outline" color="gray" radius="sm" tt="none" styles={WRAPPING_BADGE} dir="auto">
                  {f}
                </Badge>
              ))}
            </Group>
          )}
          {!isSelf && <MutualConnections profile={profile} />}
          {(isSelf || profile.abilities?.canSeeConnections) && (
            <Anchor component={Link} to={isSelf ? '/network?tab=connections' : `/in/${profile.handle}/connections`} size="sm">
              {isSelf ? (
                t('header.yourConnections')
              ) : (
                <Trans t={t} i18nKey="header.seeConnections" values={{ name: profile.name }} components={{ bdi: <bdi /> }} />
              )}
            </Anchor>
          )}
        </Stack>
        {isSelf ? (
          <Button component={Link} to="/profile/edit" variant="light" leftSection={<IconPencil size={16} aria-hidden />}>
            {t('header.editProfile')}
          </Button>
        ) : (
          <ProfileActions profile={profile} />
        )}
      </Group>
    </Paper>
  );
}
