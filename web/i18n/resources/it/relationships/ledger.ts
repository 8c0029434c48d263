import type english from '../../en/relationships/ledger.ts';
import type { Messages } from '../../messages.ts';

/** Il registro di dare e chiedere: in tutto e con ciascuna persona (web/scenes/Relationships/Ledger*). */
const ledger: Messages<typeof english> = {
  title: 'Dare e chiedere',
  description: 'Quello che tu e le tue persone avete fatto l’uno per l’altro: presentazioni, referenze, conferme di competenze e l’aiuto che registri. Lo vedi solo tu.',
  nav: 'Dare e chiedere',
  subjects: {
    introduction: 'Presentazione',
    recommendation: 'Referenza',
    endorsement: 'Conferma di competenza',
    referral: 'Segnalazione',
    advice: 'Consiglio',
    help: 'Aiuto',
  },
  sides: {
    given: 'Dato',
    received: 'Ricevuto',
    asked: 'Hai chiesto',
    asked_by: 'Ti hanno chiesto',
  },
  entry: {
    given: 'Hai dato: {subject}',
    received: 'Hai ricevuto: {subject}',
    asked: 'Hai chiesto: {subject}',
    asked_by: 'Ti hanno chiesto: {subject}',
  },
  count: '{side}: {n}',
  balance: {
    line: '{label}: {value}',
    label: 'Saldo',
    value: '{balance, plural, =0 {In pari} one {Hai dato # volta più di quanto hai ricevuto} other {Hai dato # volte più di quanto hai ricevuto}}',
    negative: '{balance, plural, one {Hai ricevuto # volta più di quanto hai dato} other {Hai ricevuto # volte più di quanto hai dato}}',
  },
  overall: 'In tutto',
  bySubject: 'Per tipo',
  people: 'Con ciascuna persona',
  loading: 'Caricamento di dare e chiedere…',
  empty: {
    title: 'Ancora niente dato o chiesto',
    body: 'Presentazioni, referenze e conferme di competenze compaiono qui man mano, insieme all’aiuto che registri a mano sulla scheda di una persona.',
    people: 'Apri le tue persone',
    search: 'Trova qualcuno da aiutare',
  },
  nudges: {
    title: 'Puoi aiutare',
    line: '{count, plural, one {# persona della tua rete ha chiesto aiuto per «{offer}», che tu offri} other {# persone della tua rete hanno chiesto aiuto per «{offer}», che tu offri}}',
  },
  withPerson: 'Dare e chiedere',
  withPersonEmpty: 'Tra voi non c’è ancora niente di dato o chiesto.',
  log: {
    button: 'Registra un dare o chiedere',
    buttonLabel: 'Registra un dare o chiedere con {name}',
    title: 'Registra un dare o chiedere con <bdi>{name}</bdi>',
    subjectLabel: 'Cosa',
    sideLabel: 'In che senso',
    dateLabel: 'Quando (facoltativo)',
    noteLabel: 'Nota (facoltativa)',
    submit: 'Registra',
    done: 'Registrato in dare e chiedere',
  },
};

export default ledger;
