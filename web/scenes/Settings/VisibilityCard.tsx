import { Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { meApi } from '../../api/me.ts';
import type { MeView } from '../../api/types.ts';

type PrivacySetting = Pick<MeView, 'visibility' | 'whoCanFollow' | 'connectionsVisibility'>;
type Patch = Partial<PrivacySetting>;

/** Who sees the full profile, who may follow, and who may list my connections; each saves as soon as it changes. */
export function VisibilityCard({ me }: { me: MeView }) {
  const { t } = useTranslation('settings');
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (patch: Patch) => meApi.updateProfile(patch),
    onSuccess: (next, patch) => {
      queryClient.setQueryData(keys.me, next);
      const field = Object.keys(patch)[0] as keyof PrivacySetting;
      notifications.show({ color: 'teal', message: t(`privacy.${field}.saved`) });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
  // Show the choice being saved straight away, so the radio does not jump back while the request runs.
  // Held in component state, set in the same event as the click: the mutation's own state reaches React a
  // tick later, and a controlled radio rendered in between would flip back to the old value.
  const [saving, setSaving] = useState<Patch>({});
  const change = (patch: Patch): void => {
    setSaving(patch);
    save.mutate(patch, { onSettled: () => setSaving({}) });
  };
  const shown: PrivacySetting = { ...me, ...saving };

  return (
    <Paper p="lg" radius="md" component="section" aria-labelledby="visibility-heading">
      <Title order={2} fz="h4" id="visibility-heading" mb={4}>
        {t('privacy.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('privacy.intro')}
      </Text>
      <Stack gap="lg">
        <Radio.Group
          label={t('privacy.visibility.label')}
          value={shown.visibility}
          onChange={(v) => change({ visibility: v as PrivacySetting['visibility'] })}
        >
          <Stack gap="xs" mt="xs">
            <Radio value="signed_in" label={t('privacy.visibility.signedIn')} disabled={save.isPending} />
            <Radio value="network" label={t('privacy.visibility.network')} disabled={save.isPending} />
          </Stack>
        </Radio.Group>
        <Radio.Group
          label={t('privacy.whoCanFollow.label')}
          description={t('privacy.whoCanFollow.description')}
          value={shown.whoCanFollow}
          onChange={(v) => change({ whoCanFollow: v as PrivacySetting['whoCanFollow'] })}
        >
          <Stack gap="xs" mt="xs">
            <Radio value="everyone" label={t('privacy.whoCanFollow.everyone')} disabled={save.isPending} />
            <Radio value="connections" label={t('privacy.whoCanFollow.connections')} disabled={save.isPending} />
          </Stack>
        </Radio.Group>
        <Radio.Group
          label={t('privacy.connectionsVisibility.label')}
          value={shown.connectionsVisibility}
          onChange={(v) => change({ connectionsVisibility: v as PrivacySetting['connectionsVisibility'] })}
        >
          <Stack gap="xs" mt="xs">
            <Radio value="connections" label={t('privacy.connectionsVisibility.connections')} disabled={save.isPending} />
            <Radio value="only_me" label={t('privacy.connectionsVisibility.onlyMe')} disabled={save.isPending} />
          </Stack>
        </Radio.Group>
      </Stack>
    </Paper>
  );
}
