import type { TFunction } from 'i18next';
import type { ContactView } from '../../api/contacts.ts';

export const contactKeys = {
  /** Everything under 'contacts' is refetched after a change to any contact. */
  all: ['contacts'] as const,
  list: (q: string, matched: string) => ['contacts', 'list', q, matched] as const,
  notes: (id: number) => ['contacts', 'notes', id] as const,
};

/** "How we met", from where the contact came from and, for LinkedIn, the year we connected there. */
export function howWeMet(t: TFunction<'contacts'>, contact: Pick<ContactView, 'source' | 'connectedOn'>): string {
  if (contact.source === 'linkedin') {
    const year = contact.connectedOn?.slice(0, 4);
    return year && /^\d{4}$/.test(year) ? t('howWeMet.linkedinSince', { year }) : t('howWeMet.linkedin');
  }
  return t(`howWeMet.${contact.source}`);
}

/** A first name for a greeting: the first word of the name as imported. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}
