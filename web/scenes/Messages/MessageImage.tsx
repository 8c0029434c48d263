import { Button, FileButton } from '@mantine/core';
import { IconPhoto } from '@tabler/icons-react';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../common/limits.ts';
import { PickedImageCard } from '../../components/images/PickedImageCard.tsx';
import { IMAGE_ACCEPT, type PickedImage } from '../../components/images/useImagePicks.ts';

const MEGABYTES = LIMITS.imageBytesMax / 1024 / 1024;

/** "Attach an image": picks one file, which uploads at once. */
export function AttachImageButton({ onPick, buttonRef }: { onPick: (files: File[]) => void; buttonRef: Ref<HTMLButtonElement> }) {
  const { t } = useTranslation('messages');
  return (
    <FileButton onChange={(file) => file && onPick([file])} accept={IMAGE_ACCEPT}>
      {(props) => (
        <Button {...props} ref={buttonRef} variant="subtle" size="sm" leftSection={<IconPhoto size={16} aria-hidden />}>
          {t('composer.image.attach')}
        </Button>
      )}
    </FileButton>
  );
}

/** The message's image while it is written: thumbnail, Remove, upload progress or why it failed, and its (required) alt text. */
export function MessageImageCard({
  image,
  altError,
  onAlt,
  onRemove,
}: {
  image: PickedImage;
  altError: string | null;
  onAlt: (alt: string) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation('messages');
  return (
    <PickedImageCard
      image={image}
      words={{
        preview: t('composer.image.preview'),
        remove: t('composer.image.remove'),
        uploading: t('composer.image.uploading'),
        uploaded: t('composer.image.uploaded'),
        failed: t('composer.image.failed'),
        altLabel: t('composer.image.alt'),
        altHint: t('composer.image.altHint'),
      }}
      altRequired
      altError={altError}
      onAlt={onAlt}
      onRemove={onRemove}
    />
  );
}

/** The too-large refusal, known before any upload (the server's own for a file over the limit says the same). */
export function useTooLargeWords(): string {
  const { t } = useTranslation('messages');
  return t('composer.image.tooLarge', { megabytes: MEGABYTES });
}
