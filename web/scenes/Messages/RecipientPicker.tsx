import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../common/limits.ts';
import { type PickedPerson, PeopleSearchPicker } from '../../components/PeopleSearchPicker.tsx';

export type Recipient = PickedPerson;

/**
 * Whom a new message goes to: members found by the people search, up to 9 (a group has at most 10 members,
 * the writer included). Only people the server says can be messaged are offered.
 */
export function RecipientPicker({ value, onChange, error }: { value: Recipient[]; onChange: (value: Recipient[]) => void; error?: string | null }) {
  const { t } = useTranslation('messages');
  const max = LIMITS.groupMax - 1;
  return (
    <PeopleSearchPicker
      value={value}
      onChange={onChange}
      offers={(p) => p.abilities.canMessage}
      max={max}
      words={{ label: t('new.to'), description: t('new.toHint', { max }), placeholder: t('new.toPlaceholder'), noMatches: t('new.noMatches') }}
      error={error}
    />
  );
}
