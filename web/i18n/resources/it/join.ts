import type english from '../en/join.ts';
import type { Messages } from '../messages.ts';

const join: Messages<typeof english> = {
  landing: {
    title: 'Sei invitato',
    invited: '<bdi>{inviter}</bdi> ti ha invitato a unirti alla sua comunità professionale su Rapport.',
    loading: 'Apertura dell’invito…',
    signUp: 'Crea il tuo account',
    signIn: 'Ho già un account',
    noMore: 'Preferisco non ricevere altri inviti',
  },
  noMore: {
    title: 'Niente più inviti',
    question: 'Vuoi fermare tutti gli inviti a iscriverti a Rapport per questo indirizzo, da <bdi>{inviter}</bdi> e da chiunque altro?',
    confirm: 'Ferma gli inviti',
    loading: 'Verifica del link…',
    doneTitle: 'Fatto',
    done: 'Nessuno potrà più invitare questo indirizzo a Rapport. Ne conserviamo solo un’impronta cifrata, per riconoscerlo.',
    invalid: 'Questo link non è completo. Aprilo di nuovo dall’email.',
  },
  invite: {
    open: 'Invita via email',
    title: 'Invita qualcuno a iscriversi',
    intro: 'Riceverà una sola email da te, con il tuo messaggio. Conta come uno dei tuoi inviti di questa settimana, e potrà chiedere di non essere più invitato.',
    email: 'Il suo indirizzo email',
    name: 'Il suo nome (facoltativo)',
    note: 'Il tuo messaggio',
    notePlaceholder: 'Perché ti piacerebbe averlo qui',
    noteRequired: 'Scrivi qualche parola: un invito senza messaggio raramente riceve risposta.',
    emailInvalid: 'Inserisci un indirizzo email valido.',
    send: 'Invia l’invito',
    cancel: 'Annulla',
    sent: 'Invito inviato a {email}.',
  },
};

export default join;
