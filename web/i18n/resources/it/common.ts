import type english from '../en/common.ts';
import type { Messages } from '../messages.ts';

const common: Messages<typeof english> = {
  skipToContent: 'Vai al contenuto principale',
  homeLink: '{brand}, pagina iniziale',
  mainNav: 'Principale',
  signIn: 'Accedi',
  join: 'Iscriviti',
  searchPeople: 'Cerca persone',
  nav: {
    members: 'Membri',
    // As on LinkedIn Italia, the header says just "Rete": no "My" to hide on a phone.
    myNetworkMy: '',
    myNetwork: 'Rete',
    pendingInvitations: '{count, plural, one {invito in attesa} other {inviti in attesa}}',
  },
  language: {
    label: 'Lingua',
  },
  userMenu: {
    label: 'Menu account di {name}',
    viewProfile: 'Visualizza profilo',
    editProfile: 'Modifica profilo',
    settings: 'Impostazioni',
    admin: 'Amministrazione',
    signOut: 'Esci',
  },
  settings: {
    languageHint: 'Rapport e le sue email useranno questa lingua su ogni dispositivo da cui accedi.',
    languageSaved: 'Lingua salvata.',
  },
  mantine: {
    closeDialog: 'Chiudi finestra',
    closeAlert: 'Chiudi',
    dismissNotification: 'Chiudi notifica',
    pagination: { first: 'Prima pagina', previous: 'Pagina precedente', next: 'Pagina successiva', last: 'Ultima pagina' },
  },
  actions: {
    cancel: 'Annulla',
    save: 'Salva',
    saving: 'Salvataggio…',
    close: 'Chiudi',
    delete: 'Elimina',
    remove: 'Rimuovi',
    edit: 'Modifica',
    back: 'Indietro',
    confirm: 'Conferma',
    loadMore: 'Carica altri',
    done: 'Fatto',
  },
  time: {
    justNow: 'adesso',
  },
  state: {
    loading: 'Caricamento…',
    loadFailed: 'Impossibile caricare questo contenuto',
    retry: 'Riprova',
  },
};
export default common;
