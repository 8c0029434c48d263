import type english from '../../en/admin/community.ts';
import type { Messages } from '../../messages.ts';

/** La scheda Comunità della pagina Admin: crescita, fidelizzazione per settimana di iscrizione e nuovi arrivati (parte del namespace `admin`). */
const community: Messages<typeof english> = {
  loading: 'Caricamento dei numeri della comunità…',
  intro: 'Come cresce e partecipa la comunità, da conteggi che un processo in background tiene aggiornati. Solo dati aggregati: qui non compaiono note, etichette, registri o giardini di nessuno.',
  updatedAt: 'Aggiornato {when}.',
  notYet: 'Non ancora calcolato.',
  range: {
    label: 'Periodo',
    days30: '30 giorni',
    days90: '90 giorni',
    days365: 'Un anno',
  },
  view: {
    label: 'Mostra {metric} come',
    chart: 'Grafico',
    table: 'Tabella',
  },
  chart: {
    label: 'Grafico di {metric} per giorno; la vista tabella ha gli stessi numeri.',
  },
  table: {
    caption: '{metric} per giorno',
    day: 'Giorno',
  },
  metrics: {
    members: 'Iscritti',
    activity: 'Iscritti attivi',
    dauMau: 'Quota giornaliera degli attivi nel mese',
    content: 'Post e messaggi',
    invitations: 'Inviti',
  },
  series: {
    members: 'Iscritti',
    newMembers: 'Nuovi iscritti',
    activeMembers: 'Attivi quel giorno',
    monthlyActive: 'Attivi negli ultimi 30 giorni',
    dauMau: 'Attivi quel giorno ÷ in 30 giorni (%)',
    posts: 'Post',
    messages: 'Messaggi',
    invitationsSent: 'Inviati',
    invitationsAccepted: 'Accettati',
  },
  activeMeaning: 'Attivo: ha pubblicato, commentato, reagito, scritto un messaggio, oppure inviato o risposto a un invito.',
  noDays: 'Ancora nessun giorno da mostrare in questo periodo.',
  cohorts: {
    title: 'Fidelizzazione per settimana di iscrizione',
    intro: 'Ogni riga sono gli iscritti arrivati in una settimana; ogni colonna, la quota di loro attiva quel numero di settimane dopo l’iscrizione (la settimana 0 è quella dell’iscrizione).',
    caption: 'Quota degli iscritti di ogni settimana attivi nelle settimane dopo l’iscrizione',
    week: 'Settimana di iscrizione',
    members: 'Iscritti',
    offset: 'Settimana {week}',
    cell: '{share} ({active})',
    empty: 'Nessuna iscrizione in questo periodo.',
  },
  welcome: {
    open: 'Post di benvenuto',
    openLabel: 'Scrivi un post di benvenuto per {name}',
    title: 'Dai il benvenuto a {name} con un post',
    intro: 'Il post è tuo, visibile a tutti gli iscritti, e menziona {name}, che riceve una notifica. Modificalo come vuoi; resta nel registro attività.',
    label: 'Post di benvenuto',
    template: 'Diamo il benvenuto a @{handle} nella nostra comunità! {name}, siamo contenti che tu sia qui: presentati, raccontaci di cosa ti occupi e dai un’occhiata alle persone che potresti conoscere.',
    publish: 'Pubblica',
    cancel: 'Annulla',
    done: 'Post di benvenuto pubblicato per {name}.',
  },
  suggest: {
    open: 'Suggerisci presentazioni',
    openLabel: 'Suggerisci presentazioni per {name}',
    done: '{name} ha ricevuto una notifica con il suggerimento di conoscere {people}.',
    result: 'Suggeriti da conoscere: {people}',
  },
  newcomers: {
    title: 'Nuovi arrivati che non hanno ancora trovato le loro persone',
    intro: 'Iscritti arrivati da due a otto settimane fa con meno di 3 collegamenti. Aiutali a entrare: suggerisci persone che potrebbero voler conoscere, o dai loro il benvenuto con un post.',
    empty: 'Tutti gli arrivati di recente hanno già almeno 3 collegamenti.',
    joined: 'Iscritto {when}',
    connections: '{count, plural, =0 {Ancora nessun collegamento} one {# collegamento} other {# collegamenti}}',
  },
};

export default community;
