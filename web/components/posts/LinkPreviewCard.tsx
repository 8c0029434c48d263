import { Anchor, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LinkPreviewView } from '../../api/media.ts';

/** The host a link goes to, to say where it leads when the page names no site. */
function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

/**
 * The preview of a post's link: the page's image (fetched and served by Rapport, never by the linked site),
 * where it leads, its title and description. It links to the URL the author wrote, in a new tab, as content a
 * member supplied (nofollow ugc) that learns nothing about the page it came from (noopener noreferrer).
 */
export function LinkPreviewCard({ preview }: { preview: LinkPreviewView }) {
  const { t } = useTranslation('feed');
  return (
    <Anchor href={preview.url} target="_blank" rel="noopener noreferrer nofollow ugc" underline="never" c="inherit" display="block">
      <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
        {preview.image && (
          <img
            src={preview.image.url}
            alt=""
            width={preview.image.width}
            height={preview.image.height}
            loading="lazy"
            style={{ display: 'block', width: '100%', height: 'auto', maxHeight: 280, objectFit: 'cover', aspectRatio: `${preview.image.width} / ${preview.image.height}` }}
          />
        )}
        <Stack gap={2} p="sm">
          <Text size="xs" c="dimmed" dir="auto">
            {preview.siteName ?? hostOf(preview.url)}
          </Text>
          <Text size="sm" fw={600} lineClamp={2} dir="auto">
            {preview.title}
          </Text>
          {preview.description && (
            <Text size="xs" c="dimmed" lineClamp={2} dir="auto">
              {preview.description}
            </Text>
          )}
          <VisuallyHidden>{t('post.preview.newTab')}</VisuallyHidden>
        </Stack>
      </Paper>
    </Anchor>
  );
}
