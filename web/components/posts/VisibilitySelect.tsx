import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { POST_VISIBILITIES, type PostVisibility } from '../../../common/posts.ts';

/**
 * Who can see a post. A native select: keyboards, screen readers and phones handle it natively, and the
 * three choices need no search.
 */
export function VisibilitySelect({ value, onChange }: { value: PostVisibility; onChange: (value: PostVisibility) => void }) {
  const { t } = useTranslation('feed');
  return (
    <NativeSelect
      label={t('composer.visibility')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value as PostVisibility)}
      data={POST_VISIBILITIES.map((v) => ({ value: v, label: t(`visibility.${v}`) }))}
    />
  );
}
