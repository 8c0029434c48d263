import { Box, Button } from '@mantine/core';
import { IconArrowUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** No height of its own: the button hangs from it over the list. */
const STICKY = { position: 'sticky', top: 'calc(var(--app-shell-header-offset, 0rem) + var(--mantine-spacing-xs))', zIndex: 5, height: 0 } as const;
// Only the button takes clicks: the strip it sits in leaves the post underneath usable.
const FLOAT = { position: 'absolute', insetInline: 0, display: 'flex', justifyContent: 'center', pointerEvents: 'none' } as const;

interface Props {
  count: number;
  onShow: () => void;
}

/**
 * "Show 3 new posts", on top of the feed and kept in view while the member scrolls (below the header). It
 * floats over the list rather than taking room in it, so the list underneath does not move, by a pixel,
 * until it is pressed. Its region is polite: a screen reader hears the count when it appears or grows,
 * without losing its place.
 */
export function NewPostsButton({ count, onShow }: Props) {
  const { t } = useTranslation('feed');
  return (
    <Box aria-live="polite" style={STICKY}>
      <Box style={FLOAT}>
        {count > 0 && (
          <Button style={{ pointerEvents: 'auto' }} radius="xl" size="sm" leftSection={<IconArrowUp size={16} aria-hidden />} onClick={onShow}>
            {t('home.newPosts', { count })}
          </Button>
        )}
      </Box>
    </Box>
  );
}
