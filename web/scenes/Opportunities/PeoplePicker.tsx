import { useTranslation } from 'react-i18next';
import { OPPORTUNITY_LIMITS } from '../../../common/opportunities.ts';
import { type PickedPerson, PeopleSearchPicker } from '../../components/PeopleSearchPicker.tsx';

export type Picked = PickedPerson;

/**
 * Whom an opportunity came through: members found by the people search (my connections rank first there),
 * up to the limit. The server checks each handle again when the opportunity is logged.
 */
export function PeoplePicker({ value, onChange, error }: { value: Picked[]; onChange: (value: Picked[]) => void; error?: string | null }) {
  // 'people' too: the options' degree badges word it, and loading it only once they appear would suspend the
  // page mid-typing and lose the search.
  const { t } = useTranslation(['opportunities', 'people']);
  const max = OPPORTUNITY_LIMITS.peopleMax;
  return (
    <PeopleSearchPicker
      value={value}
      onChange={onChange}
      offers={(p) => p.connection !== 'self'}
      max={max}
      words={{ label: t('form.people'), description: t('form.peopleHint', { max }), placeholder: t('form.peoplePlaceholder'), noMatches: t('form.noMatches') }}
      error={error}
    />
  );
}
