import { Button, FileButton, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconPhoto } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../common/limits.ts';
import { PickedImageCard } from '../images/PickedImageCard.tsx';
import { IMAGE_ACCEPT, type ImagePicks } from '../images/useImagePicks.ts';

/**
 * The composer's images: Add images (several at once, up to the limit), then for each a thumbnail, its
 * upload's progress or failure, the alt text it asks for, and Remove.
 */
export function ImagePicker({ picks }: { picks: ImagePicks }) {
  const { t } = useTranslation('feed');
  const { images } = picks;
  const count = images.length;
  const megabytes = LIMITS.imageBytesMax / 1024 / 1024;
  return (
    <Stack gap="xs">
      {count > 0 && (
        <SimpleGrid component="ul" cols={{ base: 1, sm: 2 }} spacing="xs" aria-label={t('composer.images.list')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {images.map((image, i) => {
            const number = i + 1;
            return (
              <PickedImageCard
                key={image.key}
                component="li"
                image={image}
                words={{
                  preview: t('composer.images.preview', { number, count }),
                  remove: t('composer.images.remove', { number }),
                  uploading: t('composer.images.uploading', { number }),
                  uploaded: t('composer.images.uploaded', { number }),
                  failed: t('composer.images.failed', { number }),
                  altLabel: t('composer.images.alt', { number }),
                  altHint: i === 0 ? t('composer.images.altHint') : undefined,
                }}
                onRemove={() => picks.remove(image.key)}
                onAlt={(alt) => picks.setAlt(image.key, alt)}
              />
            );
          })}
        </SimpleGrid>
      )}
      <Group gap="xs" wrap="wrap">
        <FileButton onChange={picks.add} accept={IMAGE_ACCEPT} multiple disabled={picks.full}>
          {(props) => (
            <Button {...props} variant="light" size="xs" leftSection={<IconPhoto size={16} aria-hidden />} disabled={picks.full}>
              {count > 0 ? t('composer.images.addMore') : t('composer.images.add')}
            </Button>
          )}
        </FileButton>
        <Text size="xs" c="dimmed">
          {picks.full ? t('composer.images.full', { max: LIMITS.postImagesMax }) : t('composer.images.hint', { max: LIMITS.postImagesMax, megabytes })}
        </Text>
      </Group>
      {picks.dropped > 0 && (
        <Text size="xs" c="red.8" role="status">
          {t('composer.images.dropped', { count: picks.dropped, max: LIMITS.postImagesMax })}
        </Text>
      )}
    </Stack>
  );
}
