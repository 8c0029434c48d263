import type en from '../en/admire.ts';
import type { Messages } from '../messages.ts';

/** La lista di chi ammiri ("traccia la mappa"): persone e organizzazioni da raggiungere, con i percorsi e le fasi. */
const admire: Messages<typeof en> = {
  title: 'Chi ammiri',
  description: 'Persone e organizzazioni che vuoi raggiungere: come puoi arrivarci e a che punto sei.',
  add: {
    title: 'Aggiungi alla tua lista',
    kind: 'Cosa aggiungere',
    person: 'Una persona',
    organisation: 'Un’organizzazione',
    personLabel: 'Persona',
    personPlaceholder: 'Inizia a scrivere un nome',
    organisationLabel: 'Organizzazione',
    organisationPlaceholder: 'Inizia a scrivere un’organizzazione',
    note: 'Perché proprio loro? (facoltativo)',
    submit: 'Aggiungi',
    added: '{name} è nella tua lista di chi ammiri.',
  },
  list: 'La tua lista di chi ammiri',
  loading: 'Caricamento della tua lista…',
  empty: {
    title: 'Nessuno nella tua lista, per ora',
    body: 'Aggiungi qualcuno di cui ammiri il lavoro, o un’organizzazione con cui vorresti lavorare, e scopri chi può presentarti.',
    action: 'Trova persone da ammirare',
  },
  entry: {
    label: '{name}',
    noPath: 'Nessun percorso verso questa persona tra chi conosci, per ora.',
    direct: 'Siete collegati.',
    paths: 'Percorsi migliori',
    through: 'Tramite {names}',
    path: 'Percorso {n}',
    you: 'Tu',
    nobodyThere: 'Nessuno che puoi raggiungere lavora lì, per ora.',
    people: 'Persone che puoi raggiungere lì',
    gone: 'Questo membro non è più disponibile.',
    remove: 'Rimuovi',
    removeLabel: 'Rimuovi {name} dalla tua lista di chi ammiri',
    askIntroduction: 'Chiedi una presentazione',
    askIntroductionLabel: 'Chiedi una presentazione a {name}',
  },
  stage: {
    label: 'Fase',
    identified: 'Individuato',
    reached_out: 'Contattato',
    replied: 'Ha risposto',
    met: 'Incontrato',
    connected: 'Collegati',
    note: 'Nota su questo passo (facoltativa)',
    save: 'Salva',
    saved: 'Salvato.',
    history: 'Cronologia',
    changed: '{stage}',
  },
  profileAction: 'Aggiungi a chi ammiri',
};

export default admire;
