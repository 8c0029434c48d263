import { Modal, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImageView } from '../../api/media.ts';

interface Props {
  images: readonly ImageView[];
  authorName: string;
}

/**
 * A post's images: one shown whole, two or more in a grid of equal tiles (one column on a narrow phone for
 * three or four would make them tall, so the grid keeps two). Each tile is a button that opens the image
 * whole, with its alt text written out below it; the alt text is also the image's own.
 */
export function PostImages({ images, authorName }: Props) {
  const { t } = useTranslation('feed');
  const [open, setOpen] = useState<number | null>(null);
  const count = images.length;
  if (count === 0) return null;
  const shown = open === null ? null : images[open];
  return (
    <>
      <SimpleGrid cols={count === 1 ? 1 : 2} spacing={4} role="group" aria-label={t('post.images.label', { count, name: authorName })}>
        {images.map((image, i) => {
          const number = i + 1;
          return (
            <UnstyledButton
              key={image.id}
              onClick={() => setOpen(i)}
              aria-label={image.alt ? t('post.images.open', { number, count, alt: image.alt }) : t('post.images.openNoAlt', { number, count })}
              style={{ display: 'block', borderRadius: 8, overflow: 'hidden', lineHeight: 0 }}
            >
              <img
                src={image.url}
                alt={image.alt}
                width={image.width}
                height={image.height}
                loading="lazy"
                style={{
                  display: 'block',
                  width: '100%',
                  height: count === 1 ? 'auto' : undefined,
                  maxHeight: count === 1 ? 520 : undefined,
                  aspectRatio: count === 1 ? `${image.width} / ${image.height}` : '4 / 3',
                  objectFit: 'cover',
                  background: 'var(--mantine-color-gray-1)',
                }}
              />
            </UnstyledButton>
          );
        })}
      </SimpleGrid>
      <Modal
        opened={shown !== null && shown !== undefined}
        onClose={() => setOpen(null)}
        size="xl"
        title={open === null ? '' : t('post.images.viewer', { number: open + 1, count, name: authorName })}
        closeButtonProps={{ 'aria-label': t('post.images.close') }}
      >
        {shown && (
          <Stack gap="xs">
            <img src={shown.url} alt={shown.alt} width={shown.width} height={shown.height} style={{ display: 'block', width: '100%', height: 'auto' }} />
            <Text size="sm" dir="auto" c={shown.alt ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
              {shown.alt || t('post.images.noAlt')}
            </Text>
          </Stack>
        )}
      </Modal>
    </>
  );
}
