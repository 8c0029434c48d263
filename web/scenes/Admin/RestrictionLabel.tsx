import { Trans, useTranslation } from 'react-i18next';
import type { RestrictionView } from '../../api/moderation.ts';
import { useFormat } from '../../i18n/format.ts';

/** "Invitations restricted until 4 January 2027 at 14:05", or "… until lifted" when it has no end. */
export function RestrictionLabel({ restriction }: { restriction: RestrictionView }) {
  const { t } = useTranslation('admin');
  const format = useFormat();
  const label = t(`restriction.kinds.${restriction.kind}`);
  if (restriction.until) {
    return (
      <Trans
        t={t}
        i18nKey="restriction.until"
        values={{ label, date: format.dateTime(restriction.until) }}
        components={{ time: <time dateTime={restriction.until} /> }}
      />
    );
  }
  return restriction.kind === 'invitations' ? t('restriction.untilLifted', { label }) : label;
}
