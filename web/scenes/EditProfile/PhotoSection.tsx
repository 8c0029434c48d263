import { Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash, IconUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('editProfile');
  const queryClient = useQueryClient();
  const onSuccess = (next: MeView) => {
    queryClient.setQueryData(keys.me, next);
    void queryClient.invalidateQueries({ queryKey: keys.member(me.handle) });
  };
  const onError = (error: unknown) => notifications.show({ color: 'red', title: t('photo.notSaved'), message: errorMessage(error) });
  const upload = useMutation({ mutationFn: meApi.uploadPhoto, onSuccess, onError });
  const remove = useMutation({ mutationFn: meApi.removePhoto, onSuccess, onError });

  const pick = (file: File | null) => {
    if (!file) return;
    if (file.size > LIMITS.photoBytesMax) {
      onError(new Error(t('photo.tooLarge')));
      return;
    }
    upload.mutate(file);
  };

  return (
    <FormSection id="photo" title={t('photo.title')} description={t('photo.description')}>
      <Group gap="lg">
        <PersonAvatar name={me.profile.name} photoUrl={me.profile.photoUrl} size={96} decorative={false} />
        <Stack gap="xs">
          <Group gap="xs">
            <FileButton onChange={pick} accept={ACCEPT}>
              {(props) => (
                <Button {...props} variant="light" loading={upload.isPending} leftSection={<IconUpload size={16} aria-hidden />}>
                  {me.profile.photoUrl ? t('photo.change') : t('photo.upload')}
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
                {t('photo.remove')}
              </Button>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {t('photo.formats')}
          </Text>
        </Stack>
      </Group>
    </FormSection>
  );
}
