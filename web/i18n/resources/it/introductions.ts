import type en from '../en/introductions.ts';
import type { Messages } from '../messages.ts';

/** Presentazioni con doppio consenso: la pagina con le sue tre sezioni e la finestra "Chiedi una presentazione" sul profilo. */
const introductions: Messages<typeof en> = {
  title: 'Presentazioni',
  description: 'Chiedi alle persone che conosci di presentarti, e passa avanti le presentazioni che gli altri ti chiedono.',
  tabs: {
    asked: 'Chieste da me',
    'to-forward': 'Da inoltrare',
    received: 'Rivolte a me',
  },
  lists: {
    asked: 'Le presentazioni che hai chiesto',
    'to-forward': 'Le presentazioni che aspettano di essere inoltrate da te',
    received: 'Le presentazioni rivolte a te',
  },
  loading: 'Caricamento delle presentazioni…',
  empty: {
    asked: {
      title: 'Non hai ancora chiesto una presentazione',
      body: 'Sul profilo di una persona a 2 o 3 passi da te, scegli "Chiedi una presentazione": qualcuno lungo il percorso potrà presentarti.',
    },
    'to-forward': {
      title: 'Nessuno aspetta che tu lo presenti',
      body: 'Quando un tuo collegamento ti chiede di presentarlo a una persona che conosci, la richiesta compare qui.',
    },
    received: {
      title: 'Ancora nessuna presentazione rivolta a te',
      body: 'Quando qualcuno ti viene presentato da una persona che conosci, qui puoi accettare o rifiutare.',
    },
    action: 'Trova persone',
  },
  headline: {
    requester: 'Hai chiesto di essere presentato a <bdi>{target}</bdi>',
    introducer: '<bdi>{requester}</bdi> chiede di essere presentato a <bdi>{target}</bdi>',
    target: '<bdi>{requester}</bdi> vorrebbe esserti presentato',
  },
  status: {
    open: 'Aperta',
    accepted: 'Accettata',
    declined: 'Rifiutata',
    expired: 'Scaduta',
  },
  steps: 'Il percorso, passo per passo',
  step: {
    pending: '<bdi>{name}</bdi>: non ancora raggiunto',
    waiting: '<bdi>{name}</bdi>: deve rispondere',
    forwarded: '<bdi>{name}</bdi>: ha inoltrato',
    accepted: '<bdi>{name}</bdi>: ha accettato',
    declined: '<bdi>{name}</bdi>: ha rifiutato',
    expired: '<bdi>{name}</bdi>: scaduta',
  },
  blurb: 'Perché <bdi>{name}</bdi> lo chiede',
  note: 'Nota di <bdi>{name}</bdi>',
  reason: 'Motivo di <bdi>{name}</bdi>',
  dontKnowMarked: 'Hai indicato di non conoscere questa persona.',
  expires: 'Scade il {date}',
  actions: {
    forward: 'Inoltra',
    forwardTo: 'Inoltra a <bdi>{name}</bdi>',
    forwardNote: 'La tua nota per <bdi>{name}</bdi> (facoltativa)',
    decline: 'Rifiuta',
    declineReason: 'Perché rifiuti (facoltativo, <bdi>{name}</bdi> lo vedrà)',
    dontKnow: 'Non conosco questa persona',
    accept: 'Accetta e apri una conversazione',
    leave: 'Esci dalla conversazione',
    openConversation: 'Apri la conversazione',
    cancel: 'Annulla',
    length: '{length} di {max} caratteri',
  },
  done: {
    forward: 'Inoltrata. Grazie per la presentazione.',
    decline: 'Rifiutata.',
    accept: 'Accettata: la vostra conversazione è aperta.',
    leave: 'Sei uscito dalla conversazione.',
  },
  ask: {
    button: 'Chiedi una presentazione',
    title: 'Chiedi di essere presentato a <bdi>{name}</bdi>',
    intro: 'Scegli chi ti presenta e scrivi qualche riga che potrà inoltrare: chi sei e perché lo chiedi. <bdi>{name}</bdi> non vede nulla finché le persone del percorso non inoltrano la richiesta.',
    paths: 'Tramite chi',
    through: 'Tramite {names}',
    blurb: 'Il tuo messaggio, da inoltrare',
    sent: 'Richiesta inviata a <bdi>{name}</bdi>. Seguila nella pagina Presentazioni.',
    send: 'Invia la richiesta',
  },
  nav: 'Presentazioni',
};

export default introductions;
