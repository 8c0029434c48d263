import { CloseButton, Group, Paper, Progress, Stack, Text, Textarea, VisuallyHidden } from '@mantine/core';
import { LIMITS } from '../../../common/limits.ts';
import type { PickedImage } from './useImagePicks.ts';

/** What the card says, in the reader's language (each composer words it for its own image or images). */
export interface PickedImageWords {
  /** The thumbnail's alt text ("Image 1 of 2"). */
  preview: string;
  remove: string;
  uploading: string;
  uploaded: string;
  /** Before the reason an upload failed. */
  failed: string;
  altLabel: string;
  altHint?: string | undefined;
}

interface Props {
  image: PickedImage;
  words: PickedImageWords;
  onRemove: () => void;
  onAlt: (alt: string) => void;
  /** The alt text must be written before sending (a message's image); `altError` says it is missing. */
  altRequired?: boolean;
  altError?: string | null;
  /** `li` inside a list of images. */
  component?: 'li' | 'div';
}

/**
 * One picked image in a composer: its thumbnail, Remove, its upload's progress or why it failed (the
 * server's problem, worded from its code), and the alt text it asks for.
 */
export function PickedImageCard({ image, words, onRemove, onAlt, altRequired = false, altError = null, component = 'div' }: Props) {
  return (
    <Paper component={component} withBorder radius="md" p="xs">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <img src={image.previewUrl} alt={words.preview} style={{ width: 96, height: 72, objectFit: 'cover', borderRadius: 6, display: 'block' }} />
          <CloseButton aria-label={words.remove} onClick={onRemove} size="lg" />
        </Group>
        {image.status === 'uploading' && <Progress value={Math.round(image.progress * 100)} size="sm" aria-label={words.uploading} animated />}
        {image.status === 'uploaded' && <VisuallyHidden role="status">{words.uploaded}</VisuallyHidden>}
        {image.status === 'failed' ? (
          <Text size="xs" c="red.8" role="alert">
            {words.failed}: {image.error}
          </Text>
        ) : (
          <Textarea
            label={words.altLabel}
            description={words.altHint}
            value={image.alt}
            onChange={(e) => onAlt(e.currentTarget.value)}
            maxLength={LIMITS.imageAltMax}
            required={altRequired}
            error={altError}
            autosize
            minRows={1}
            maxRows={4}
            size="xs"
            dir="auto"
          />
        )}
      </Stack>
    </Paper>
  );
}
