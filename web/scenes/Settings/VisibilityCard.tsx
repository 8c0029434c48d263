import { Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { meApi } from '../../api/me.ts';
import type { MeView } from '../../api/types.ts';

type PrivacySetting = Pick<MeView, 'visibility' | 'whoCanFollow' | 'connectionsVisibility'>;
type Patch = Partial<PrivacySetting>;

const SAVED: Record<keyof PrivacySetting, string> = {
  visibility: 'Profile visibility saved.',
  whoCanFollow: 'Follow setting saved.',
  connectionsVisibility: 'Connections visibility saved.',
};

/** Who sees the full profile, who may follow, and who may list my connections; each saves as soon as it changes. */
export function VisibilityCard({ me }: { me: MeView }) {
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (patch: Patch) => meApi.updateProfile(patch),
    onSuccess: (next, patch) => {
      queryClient.setQueryData(keys.me, next);
      const field = Object.keys(patch)[0] as keyof PrivacySetting;
      notifications.show({ color: 'teal', message: SAVED[field] });
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
        Privacy
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Everyone signed in can always see your name, headline and photo.
      </Text>
      <Stack gap="lg">
        <Radio.Group
          label="Who can see your full profile"
          value={shown.visibility}
          onChange={(v) => change({ visibility: v as PrivacySetting['visibility'] })}
        >
          <Stack gap="xs" mt="xs">
            <Radio value="signed_in" label="Every signed-in member of this community" disabled={save.isPending} />
            <Radio value="network" label="Only my network" disabled={save.isPending} />
          </Stack>
        </Radio.Group>
        <Radio.Group
          label="Who can follow you"
          description="Followers see what you post without being connected. Connections always follow each other."
          value={shown.whoCanFollow}
          onChange={(v) => change({ whoCanFollow: v as PrivacySetting['whoCanFollow'] })}
        >
          <Stack gap="xs" mt="xs">
            <Radio value="everyone" label="Everyone" disabled={save.isPending} />
            <Radio value="connections" label="Only my connections" disabled={save.isPending} />
          </Stack>
        </Radio.Group>
        <Radio.Group
          label="Who can see your connections"
          value={shown.connectionsVisibility}
          onChange={(v) => change({ connectionsVisibility: v as PrivacySetting['connectionsVisibility'] })}
        >
          <Stack gap="xs" mt="xs">
            <Radio value="connections" label="My connections" disabled={save.isPending} />
            <Radio value="only_me" label="Only me" disabled={save.isPending} />
          </Stack>
        </Radio.Group>
      </Stack>
    </Paper>
  );
}
