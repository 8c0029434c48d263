import { Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash, IconUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { LIMITS } from '../../../common/limits.ts';
import { errorMessage } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { meApi } from '../../api/me.ts';
import type { MeView } from '../../api/types.ts';
import { PersonAvatar } from '../../components/PersonAvatar.tsx';
import { FormSection } from './FormSection.tsx';

const ACCEPT = 'image/jpeg,image/png,image/webp,image/gif';

/** Upload or remove the profile photo; saved immediately, separate from the form's Save. */
export function PhotoSection({ me }: { me: MeView }) {
  const queryClient = useQueryClient();
  const onSuccess = (next: MeView) => {
    queryClient.setQueryData(keys.me, next);
    void queryClient.invalidateQueries({ queryKey: keys.member(me.handle) });
  };
  const onError = (error: unknown) => notifications.show({ color: 'red', title: 'Photo not saved', message: errorMessage(error) });
  const upload = useMutation({ mutationFn: meApi.uploadPhoto, onSuccess, onError });
  const remove = useMutation({ mutationFn: meApi.removePhoto, onSuccess, onError });

  const pick = (file: File | null) => {
    if (!file) return;
    if (file.size > LIMITS.photoBytesMax) {
      onError(new Error('That image is larger than 5 MB. Choose a smaller one.'));
      return;
    }
    upload.mutate(file);
  };

  return (
    <FormSection id="photo" title="Photo" description="A clear, friendly photo helps people recognise you.">
      <Group gap="lg">
        <PersonAvatar name={me.profile.name} photoUrl={me.profile.photoUrl} size={96} decorative={false} />
        <Stack gap="xs">
          <Group gap="xs">
            <FileButton onChange={pick} accept={ACCEPT}>
              {(props) => (
                <Button {...props} variant="light" loading={upload.isPending} leftSection={<IconUpload size={16} aria-hidden />}>
                  {me.profile.photoUrl ? 'Change photo' : 'Upload photo'}
                </Button>
              )}
            </FileButton>
            {me.profile.photoUrl && (
              <Button
                variant="subtle"
                color="red"
                loading={remove.isPending}
                leftSection={<IconTrash size={16} aria-hidden />}
                onClick={() => remove.mutate()}
              >
                Remove photo
              </Button>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            JPEG, PNG, WebP or GIF, up to 5 MB.
          </Text>
        </Stack>
      </Group>
    </FormSection>
  );
}
