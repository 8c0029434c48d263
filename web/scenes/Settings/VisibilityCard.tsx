import { Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProfileVisibility } from '../../../common/limits.ts';
import { errorMessage } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { meApi } from '../../api/me.ts';
import type { MeView } from '../../api/types.ts';

/** Who sees the full profile; saved as soon as it changes. */
export function VisibilityCard({ me }: { me: MeView }) {
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (visibility: ProfileVisibility) => meApi.updateProfile({ visibility }),
    onSuccess: (next) => {
      queryClient.setQueryData(keys.me, next);
      notifications.show({ color: 'teal', message: 'Profile visibility saved.' });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
  return (
    <Paper p="lg" radius="md" component="section" aria-labelledby="visibility-heading">
      <Title order={2} fz="h4" id="visibility-heading" mb={4}>
        Profile visibility
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Everyone signed in can always see your name, headline and photo.
      </Text>
      <Radio.Group
        label="Who can see your full profile"
        value={save.isPending && save.variables ? save.variables : me.visibility}
        onChange={(v) => save.mutate(v as ProfileVisibility)}
      >
        <Stack gap="xs" mt="xs">
          <Radio value="signed_in" label="Every signed-in member of this community" disabled={save.isPending} />
          <Radio value="network" label="Only my network" disabled={save.isPending} />
        </Stack>
      </Radio.Group>
    </Paper>
  );
}
