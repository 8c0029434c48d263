import { Button } from '@mantine/core';
import { IconRss } from '@tabler/icons-react';
import { Trans, useTranslation } from 'react-i18next';
import { networkApi } from '../../api/network.ts';
import type { PersonAbilities } from '../../api/types.ts';
import { useNetworkMutation } from '../../hooks/useNetworkMutation.ts';

/**
 * Follow is one-way and separate from connecting. It is shown only when the server's abilities allow it
 * (the member may accept followers from connections only), or to undo an existing follow.
 */
export function FollowButton({ person, can }: { person: { handle: string; name: string }; can: PersonAbilities }) {
  const { t } = useTranslation('profile');
  const toggle = useNetworkMutation((follow: boolean) => (follow ? networkApi.follow(person.handle) : networkApi.unfollow(person.handle)), {
    success: (follow) => (
      <Trans t={t} i18nKey={follow ? 'actions.followed' : 'actions.unfollowed'} values={{ name: person.name }} components={{ bdi: <bdi /> }} />
    ),
  });
  if (can.canUnfollow) {
    return (
      <Button variant="default" loading={toggle.isPending} onClick={() => toggle.mutate(false)}>
        {t('actions.unfollow')}
      </Button>
    );
  }
  if (!can.canFollow) return null;
  return (
    <Button variant="default" leftSection={<IconRss size={16} aria-hidden />} loading={toggle.isPending} onClick={() => toggle.mutate(true)}>
      {t('actions.follow')}
    </Button>
  );
}
