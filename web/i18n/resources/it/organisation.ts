import type english from '../en/organisation.ts';
import type { Messages } from '../messages.ts';

const organisation: Messages<typeof english> = {
  documentTitle: 'Organizzazione',
  loading: 'Caricamento dell’organizzazione…',
  notFound: {
    title: 'Organizzazione non trovata',
    body: 'Nessun membro indica questa organizzazione.',
  },
  counts:
    '{current, plural, one {# membro attuale} other {# membri attuali}} · {past, plural, one {# ex membro} other {# ex membri}} su Rapport',
  tabs: {
    current: 'Membri attuali ({count, number})',
    past: 'Ex membri ({count, number})',
  },
  members: {
    loading: 'Caricamento dei membri…',
    current: 'Membri attuali',
    past: 'Ex membri',
    noCurrent: 'Ancora nessun membro attuale',
    noPast: 'Ancora nessun ex membro',
    noCurrentBody: 'Nessuno indica ancora <bdi>{name}</bdi> come luogo di lavoro attuale.',
    noPastBody: 'Nessuno indica ancora una posizione conclusa presso <bdi>{name}</bdi>.',
  },
};

export default organisation;
