import type { RestrictionView } from '../../api/moderation.ts';
import { DateTime } from '../../components/DateTime.tsx';

export const RESTRICTION_LABELS = { held: 'Held for review', limited: 'Limited (new account)', invitations: 'Invitations restricted' } as const;

/** "Invitations restricted until 4 January 2027 at 14:05", or "… until lifted" when it has no end. */
export function RestrictionLabel({ restriction }: { restriction: RestrictionView }) {
  return (
    <>
      {RESTRICTION_LABELS[restriction.kind]}
      {restriction.until ? <DateTime iso={restriction.until} prefix=" until " /> : restriction.kind === 'invitations' ? ' until lifted' : null}
    </>
  );
}
