import { Button, CloseButton, FileButton, Group, Paper, Progress, SimpleGrid, Stack, Text, Textarea, VisuallyHidden } from '@mantine/core';
import { IconPhoto } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../common/limits.ts';
import type { ImagePicks } from './useImagePicks.ts';

const ACCEPT = 'image/jpeg,image/png,image/webp,image/gif';

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
              <Paper component="li" key={image.key} withBorder radius="md" p="xs">
                <Stack gap={6}>
                  <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                    <img
                      src={image.previewUrl}
                      alt={t('composer.images.preview', { number, count })}
                      style={{ width: 96, height: 72, objectFit: 'cover', borderRadius: 6, display: 'block' }}
                    />
                    <CloseButton aria-label={t('composer.images.remove', { number })} onClick={() => picks.remove(image.key)} size="lg" />
                  </Group>
                  {image.status === 'uploading' && (
                    <Progress value={Math.round(image.progress * 100)} size="sm" aria-label={t('composer.images.uploading', { number })} animated />
                  )}
                  {image.status === 'uploaded' && <VisuallyHidden role="status">{t('composer.images.uploaded', { number })}</VisuallyHidden>}
                  {image.status === 'failed' ? (
                    <Text size="xs" c="red.8" role="alert">
                      {t('composer.images.failed', { number })}: {image.error}
                    </Text>
                  ) : (
                    <Textarea
                      label={t('composer.images.alt', { number })}
                      description={i === 0 ? t('composer.images.altHint') : undefined}
                      value={image.alt}
                      onChange={(e) => picks.setAlt(image.key, e.currentTarget.value)}
                      maxLength={LIMITS.imageAltMax}
                      autosize
                      minRows={1}
                      maxRows={4}
                      size="xs"
                    />
                  )}
                </Stack>
              </Paper>
            );
          })}
        </SimpleGrid>
      )}
      <Group gap="xs" wrap="wrap">
        <FileButton onChange={picks.add} accept={ACCEPT} multiple disabled={picks.full}>
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
