import type english from '../en/contacts.ts';
import type { Messages } from '../messages.ts';

/** I miei contatti (issue 14): le persone che ho importato, visibili solo a me, e chi di loro è già qui. */
const contacts: Messages<typeof english> = {
  page: {
    title: 'Contatti',
    description: 'Le persone che hai importato. Le vedi solo tu.',
    import: 'Importa contatti',
  },
  filter: {
    search: 'Cerca nei tuoi contatti',
    searchPlaceholder: 'Nome, organizzazione o email',
    label: 'Mostra',
    all: 'Tutti',
    matched: 'Già nella comunità',
    unmatched: 'Non ancora qui',
  },
  list: {
    label: 'I tuoi contatti',
    loading: 'Caricamento dei tuoi contatti…',
    noResults: 'Nessun contatto corrisponde alla ricerca.',
    empty: {
      title: 'Ancora nessun contatto',
      body: 'Importa i tuoi collegamenti LinkedIn o la tua rubrica per vedere chi è già qui.',
      action: 'Importa i collegamenti LinkedIn o la rubrica',
    },
  },
  howWeMet: {
    linkedin: 'Collegati su LinkedIn',
    linkedinSince: 'Collegati su LinkedIn dal {year}',
    vcard: 'Dalla tua rubrica (vCard)',
    csv: 'Da un file di contatti (CSV)',
    rapport: 'Dalla tua esportazione di Rapport',
  },
  lastMessage: 'Ultimo messaggio {ago}',
  roleAt: '{title} presso {organisation}',
  match: {
    url: 'Trovato qui dal link del profilo',
    email: 'Trovato qui dall’indirizzo email',
    name_org: 'Trovato qui da nome e organizzazione',
    profile: 'Vedi il profilo di <bdi>{name}</bdi>',
    connected: 'Collegati',
    dismissed: 'Ignorato',
  },
  actions: {
    connect: 'Collegati',
    connectLabel: 'Collegati con {name}',
    dismiss: 'Ignora',
    dismissLabel: 'Ignora la corrispondenza per {name}',
    dismissed: 'La corrispondenza per {name} è stata ignorata.',
    invite: 'Invita a iscriversi',
    inviteLabel: 'Invita a iscriversi: {name}',
    details: 'Note ed etichette',
    detailsLabel: 'Note ed etichette per {name}',
  },
  connect: {
    /** The dialog is the common one (people:connect); this sentence replaces its intro. */
    intro: 'Vedrà che vi conoscete dai tuoi contatti importati.',
  },
  notes: {
    title: 'Note private',
    loading: 'Caricamento delle note…',
    none: 'Ancora nessuna nota.',
    label: 'Nuova nota',
    placeholder: 'Qualcosa da ricordare su questa persona',
    add: 'Aggiungi nota',
    added: 'Nota aggiunta.',
    list: 'Note su {name}',
  },
  tags: {
    label: 'Etichette',
    placeholder: 'Scegli tra le tue etichette',
    none: 'Non hai ancora etichette. Creale in Le tue persone.',
    saved: 'Etichette salvate.',
  },
};

export default contacts;
