import { useTranslation } from 'react-i18next';
import { FUNCTIONS, INDUSTRIES } from '../../common/limits.ts';
import type english from '../i18n/resources/en/common.ts';

type Kind = 'industries' | 'functions';
const VALUES: Record<Kind, readonly string[]> = { industries: INDUSTRIES, functions: FUNCTIONS };

/** "Arts and Design" → "artsAndDesign": the option's key in the common namespace. */
const keyOf = (value: string): string => {
  const [first = '', ...rest] = value.split(/[^A-Za-z]+/);
  return first.toLowerCase() + rest.map((p) => p.charAt(0).toUpperCase() + p.slice(1).toLowerCase()).join('');
};

export interface ProfileOptions {
  /** The suggested values with the reader's labels, for a Select (the value stays the stored English). */
  options: { value: string; label: string }[];
  /** A stored value's label in the reader's language; a value typed freely (not a suggestion) is shown as it is. */
  label: (value: string) => string;
  /** What to store for a text typed or picked in an Autocomplete: a suggestion's label maps back to its value. */
  valueOf: (text: string) => string;
}

/**
 * The suggested industries or job functions (common/limits.ts) in the reader's language. The server
 * stores and filters by the English value; only the label shown changes.
 */
export function useProfileOptions(kind: Kind): ProfileOptions {
  const { t } = useTranslation('common');
  const values = VALUES[kind];
  const labelOf = (value: string) => t(`${kind}.${keyOf(value)}` as `${Kind}.${keyof (typeof english)[Kind]}`);
  const options = values.map((value) => ({ value, label: labelOf(value) }));
  return {
    options,
    label: (value) => (values.includes(value) ? labelOf(value) : value),
    valueOf: (text) => options.find((o) => o.label === text)?.value ?? text,
  };
}
